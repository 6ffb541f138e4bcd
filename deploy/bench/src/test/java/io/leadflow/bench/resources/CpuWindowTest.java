package io.leadflow.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuWindowTest {

    @Test
    void the_harness_and_the_whole_machine_are_measured_beside_the_services() {
        CpuWindow window = CpuWindow.open(List.of());

        // keep this thread busy for half a second
        long until = System.nanoTime() + 500_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1);
        }
        Map<String, Double> percent = window.percentOfOneCore();

        assertThat(sink).isPositive();
        assertThat(percent.get("bench harness")).isGreaterThan(20);
        // the machine's busy time holds the harness's (less the 10 ms ticks either count may round off)
        assertThat(percent.get(CpuWindow.MACHINE)).isGreaterThan(percent.get("bench harness") - 10);
    }
}
