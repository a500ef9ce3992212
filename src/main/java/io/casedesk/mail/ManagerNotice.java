package io.casedesk.mail;

import java.util.List;

/**
 * Something managers may need to hear about a case, as the flow's notification policy (the manager-notification
 * table) decided it: which groups hear it, and whether it goes at once or may wait for the case's next notices.
 *
 * @param event             escalation, sla-warning or sla-breach
 * @param detail            what the notice adds (the warning stage and target, the trigger of an escalation), or
 *                          null
 * @param group             the group the case is with now
 * @param audience          the groups told
 * @param urgent            sent at once (with whatever of the case still waits), else grouped
 * @param processInstanceId the case's flow, for the Cockpit link
 */
public record ManagerNotice(
        String event, String detail, String group, List<String> audience, boolean urgent, String processInstanceId) {

    public ManagerNotice {
        audience = List.copyOf(audience);
        if (processInstanceId == null || processInstanceId.isBlank()) {
            throw new IllegalArgumentException("a manager notice needs the case's process instance for its link");
        }
    }

    /** What happened, in a few words. */
    String title() {
        String what = switch (event) {
            case "escalation" -> "Escalated to " + group;
            case "sla-warning" -> "SLA at risk";
            case "sla-breach" -> "SLA breached";
            default -> event;
        };
        return what + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }

    /** The line the notice adds to a mail: what happened and the group the case was with then. */
    String summary() {
        return title() + "; the case is with " + group;
    }
}
