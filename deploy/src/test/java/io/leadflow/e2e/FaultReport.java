package io.leadflow.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a fault run did and what it found: printed as two tables at the end. */
final class FaultReport {

    private record Fault(Duration at, String what, String outcome) {
    }

    private record Check(String invariant, boolean held, String evidence) {
    }

    private final long startedAt = System.nanoTime();
    private final List<Fault> faults = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    synchronized void fault(String what, String outcome) {
        faults.add(new Fault(Duration.ofNanos(System.nanoTime() - startedAt), what, outcome));
    }

    synchronized void check(String invariant, boolean held, String evidence) {
        checks.add(new Check(invariant, held, evidence));
    }

    synchronized List<String> broken() {
        return checks.stream().filter(check -> !check.held()).map(check -> check.invariant() + ": " + check.evidence()).toList();
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder("\nFaults injected\n");
        out.append(String.format("| %7s | %-52s | %-60s |%n", "at (s)", "fault", "outcome"));
        out.append(String.format("|%s|%s|%s|%n", "-".repeat(9), "-".repeat(54), "-".repeat(62)));
        faults.forEach(fault -> out.append(String.format("| %7.1f | %-52s | %-60s |%n",
                fault.at().toMillis() / 1000.0, fault.what(), fault.outcome())));
        out.append("\nInvariants checked\n");
        out.append(String.format("| %-4s | %-62s | %-70s |%n", "ok", "invariant", "evidence"));
        out.append(String.format("|%s|%s|%s|%n", "-".repeat(6), "-".repeat(64), "-".repeat(72)));
        checks.forEach(check -> out.append(String.format("| %-4s | %-62s | %-70s |%n",
                check.held() ? "yes" : "NO", check.invariant(), check.evidence())));
        return out.toString();
    }
}
