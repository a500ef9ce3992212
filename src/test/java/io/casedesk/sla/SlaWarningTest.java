package io.casedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlaWarningTest {

    @Test
    void theFinalStageMovesTasksUpFurtherThanTheFirst_upToTasklistsHighestPriority() {
        var first = new SlaWarning(true, SlaWarning.Stage.fromModel("first").priorityRaise());
        var last = new SlaWarning(true, SlaWarning.Stage.fromModel("final").priorityRaise());

        assertThat(first.raised(50)).isEqualTo(60);
        assertThat(last.raised(50)).isEqualTo(70);
        assertThat(last.raised(95)).isEqualTo(100);
        assertThat(SlaWarning.none().raised(50)).isEqualTo(50);
    }
}
