package io.casedesk.sla;

import java.util.Locale;

/**
 * What a warning before a deadline found: whether the target is still at risk (then it is on the case's timeline),
 * and how far the case's open tasks move up the lists.
 */
public record SlaWarning(boolean issued, int priorityRaise) {

    /** Tasklist's priorities run up to 100. */
    static final int HIGHEST_PRIORITY = 100;

    static SlaWarning none() {
        return new SlaWarning(false, 0);
    }

    /** A task's priority after this warning. */
    public int raised(int priority) {
        return Math.min(HIGHEST_PRIORITY, priority + priorityRaise);
    }

    /** The two warnings before each deadline, the final one moving the case's tasks up further. */
    public enum Stage {
        FIRST(10),
        FINAL(20);

        private final int priorityRaise;

        Stage(int priorityRaise) {
            this.priorityRaise = priorityRaise;
        }

        public static Stage fromModel(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }

        int priorityRaise() {
            return priorityRaise;
        }

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
