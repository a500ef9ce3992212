package io.casedesk.supportcase;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.FormAnswers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SupportCaseContractTest {

    private final SupportCaseContract contract = new SupportCaseContract();

    @Test
    void eachTaskTakesExactlyItsFormsEditableFields() throws Exception {
        assertThat(contract.taskAnswers()).isEqualTo(FormAnswers.of(Path.of("bpmn/support-case.bpmn")));
    }

    @Test
    void thePhoneCaseStartsWithTheStartFormsFields() throws Exception {
        assertThat(contract.startForms().get(SupportCaseProcess.KEY))
                .containsExactlyInAnyOrderElementsOf(FormAnswers.editableFieldsOf(Path.of("forms/phone-case.form")));
    }
}
