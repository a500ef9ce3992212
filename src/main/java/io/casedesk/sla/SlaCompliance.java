package io.casedesk.sla;

/**
 * SLA compliance of the cases opened in a period, per target: the share of settled targets (met or breached)
 * that were met. Targets still running count for neither side.
 */
public record SlaCompliance(Target response, Target resolution) {

    public record Target(long met, long breached) {

        /** Met / (met + breached); null when nothing is settled yet. */
        public Double ratio() {
            return met + breached == 0 ? null : (double) met / (met + breached);
        }
    }
}
