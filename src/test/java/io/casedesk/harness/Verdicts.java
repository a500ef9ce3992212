package io.casedesk.harness;

import java.util.ArrayList;
import java.util.List;

/** The harness's output: figures, and invariant lines that say ok or FAILED; any FAILED fails the run. */
final class Verdicts {

    private final List<String> failed = new ArrayList<>();
    private final String scenario;

    Verdicts(String scenario) {
        this.scenario = scenario;
    }

    void figure(String name, Object value) {
        System.out.printf("[harness] %s figure    %-44s %s%n", scenario, name, value);
    }

    void invariant(String name, boolean holds, String detail) {
        System.out.printf("[harness] %s invariant %-44s %s  %s%n", scenario, name, holds ? "ok" : "FAILED", detail);
        if (!holds) {
            failed.add(name + ": " + detail);
        }
    }

    void step(String what) {
        System.out.printf("[harness] %s %tT %s%n", scenario, System.currentTimeMillis(), what);
    }

    List<String> failed() {
        return List.copyOf(failed);
    }
}
