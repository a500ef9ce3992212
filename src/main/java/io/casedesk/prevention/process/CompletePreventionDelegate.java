package io.casedesk.prevention.process;

import io.casedesk.knowledge.ArticleDraft;
import io.casedesk.prevention.PreventionService;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("completePrevention")
class CompletePreventionDelegate implements JavaDelegate {

    private final PreventionService prevention;

    CompletePreventionDelegate(PreventionService prevention) {
        this.prevention = prevention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        prevention.complete(
                ((Number) execution.getVariable(PreventionTicketProcess.TICKET_ID)).longValue(),
                (String) execution.getVariable(PreventionTicketProcess.ACTION),
                (String) execution.getVariable(PreventionTicketProcess.NOTE),
                article(execution));
    }

    /** The article the knowledge team wrote with its answer, or null when it wrote none (no title and no text). */
    static ArticleDraft article(DelegateExecution execution) {
        String title = (String) execution.getVariable(PreventionTicketProcess.ARTICLE_TITLE);
        String body = (String) execution.getVariable(PreventionTicketProcess.ARTICLE_BODY);
        String tags = (String) execution.getVariable(PreventionTicketProcess.ARTICLE_TAGS);
        if (blank(title) && blank(body)) {
            return null;
        }
        List<String> tagList = blank(tags)
                ? List.of()
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        return new ArticleDraft(title, body, tagList);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
