package io.casedesk.trends;

/**
 * Whether a count is a spike: the DMN table trend-thresholds, which process owners tune, evaluated by the engine glue
 * (trends/process).
 */
public interface TrendThresholds {

    String DECISION_KEY = "trend-thresholds";

    /**
     * One key's figures in a window. For kinds tag and category: {@code count} cases in the window against a
     * {@code baseline} average per window; for kind sentiment: {@code messages} customer messages, the share of
     * negative ones and the baseline's share.
     */
    record Measure(
            IncidentKind kind,
            String key,
            long count,
            double baseline,
            long messages,
            double negativeShare,
            double baselineShare) {

        /** The table's input variables. */
        public java.util.Map<String, Object> variables() {
            return java.util.Map.of(
                    "kind", kind.wire(),
                    "count", count,
                    "baseline", baseline,
                    "messages", messages,
                    "negativeShare", negativeShare,
                    "baselineShare", baselineShare);
        }
    }

    /** The table's answer and the rule that gave it. */
    record Verdict(boolean spike, String rule) {

        /** From the table's one result (its outputs by name). */
        public static Verdict of(java.util.Map<String, Object> result) {
            return new Verdict(Boolean.TRUE.equals(result.get("spike")), (String) result.get("rule"));
        }
    }

    Verdict decide(Measure measure);
}
