package io.casedesk.survey;

import io.casedesk.cases.CasesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The unused page links of a merged case go with its customer to the case it was merged into. */
@Component
class MergedCaseLinks {

    private final JdbcClient jdbc;

    MergedCaseLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void moveLinks(CasesMerged merged) {
        jdbc.sql("UPDATE customer_token SET case_id = :target WHERE case_id = :source AND used_at IS NULL")
                .param("target", merged.intoCaseId())
                .param("source", merged.caseId())
                .update();
    }
}
