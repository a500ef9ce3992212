package io.casedesk.sla;

/** A warning before a deadline was issued (stage set), or a target was breached (stage null); metrics counts them. */
public record SlaAlert(SlaTarget target, SlaWarning.Stage stage) {

    public boolean breach() {
        return stage == null;
    }
}
