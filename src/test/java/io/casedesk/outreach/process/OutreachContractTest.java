package io.casedesk.outreach.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.FormAnswers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutreachContractTest {

    @Test
    void theOutreachTasksTakeExactlyTheirFormsEditableFields() throws Exception {
        assertThat(new OutreachContract().taskAnswers())
                .isEqualTo(FormAnswers.of(Path.of("bpmn/proactive-outreach.bpmn")));
    }
}
