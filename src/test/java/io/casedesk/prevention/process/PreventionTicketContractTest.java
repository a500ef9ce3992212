package io.casedesk.prevention.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.FormAnswers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PreventionTicketContractTest {

    @Test
    void theTicketTaskTakesExactlyItsFormsEditableFields() throws Exception {
        assertThat(new PreventionTicketContract().taskAnswers())
                .isEqualTo(FormAnswers.of(Path.of("bpmn/prevention-ticket.bpmn")));
    }
}
