package io.casedesk.intake;

import io.casedesk.cases.CaseMilestone;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.SupportCase;
import io.casedesk.trends.IncidentStatus;
import io.casedesk.trends.Trends;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new case with the tag or category of an incident ops confirmed (and have not closed yet) joins it as soon as
 * triage knows its category, in triage's transaction: before the acknowledgement is written, which then tells the
 * customer that the problem is known (the template's incident paragraph), and the incident's follow-up reaches them.
 * An incident still awaiting ops' review is not told to customers, so its new cases are left to trends.
 */
@Component
class IncidentIntake {

    private final Trends trends;
    private final CaseService cases;

    IncidentIntake(Trends trends, CaseService cases) {
        this.trends = trends;
        this.cases = cases;
    }

    @EventListener
    void onTriaged(CaseMilestone milestone) {
        if (milestone.kind() != CaseMilestone.Kind.TRIAGED) {
            return;
        }
        SupportCase c = cases.get(milestone.reference());
        trends.openIncidentFor(c.tags(), c.category())
                .filter(incident -> incident.status() == IncidentStatus.CONFIRMED)
                .ifPresent(incident -> cases.linkIncident(
                        c.reference(),
                        incident.id(),
                        "Linked at intake to incident INC-" + incident.id() + " (" + incident.key()
                                + "), which ops confirmed; the acknowledgement says so"));
    }
}
