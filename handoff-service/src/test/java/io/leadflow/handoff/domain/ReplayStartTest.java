package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayStartTest {

    @Test
    void anIdSinceTheLastPrunedOneReplaysEverythingAfterIt() {
        assertThat(ReplayStart.resuming(40, 100, 40)).isEqualTo(new ReplayStart(40, null));
        assertThat(ReplayStart.resuming(100, 100, 0)).isEqualTo(new ReplayStart(100, null));
    }

    @Test
    void anIdBeforeThePrunedOnesReplaysWhatIsKeptAsExpired() {
        assertThat(ReplayStart.resuming(39, 100, 40)).isEqualTo(new ReplayStart(39, ReplayStart.Truncation.EXPIRED));
    }

    @Test
    void anIdNeverIssuedReplaysEverythingKeptAsUnknown() {
        assertThat(ReplayStart.resuming(101, 100, 40)).isEqualTo(new ReplayStart(0, ReplayStart.Truncation.UNKNOWN));
    }
}
