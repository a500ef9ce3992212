package io.casedesk.prevention.process;

import io.casedesk.security.process.ModelContract;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the knowledge team may send into the prevention-ticket flow: its task's answer. */
@Component
class PreventionTicketContract implements ModelContract {

    @Override
    public Map<String, Set<String>> taskAnswers() {
        return Map.of(
                PreventionTicketProcess.TASK_PREVENTION,
                Set.of(
                        PreventionTicketProcess.ACTION,
                        PreventionTicketProcess.NOTE,
                        PreventionTicketProcess.ARTICLE_TITLE,
                        PreventionTicketProcess.ARTICLE_BODY,
                        PreventionTicketProcess.ARTICLE_TAGS));
    }

    /** The linked cases show the customers' subjects. */
    @Override
    public Set<String> personalVariables() {
        return Set.of(PreventionTicketProcess.LINKED_CASES);
    }
}
