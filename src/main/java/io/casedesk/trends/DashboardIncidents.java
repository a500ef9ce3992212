package io.casedesk.trends;

import io.casedesk.metrics.OpenIncidents;
import java.util.List;
import org.springframework.stereotype.Component;

/** The managers' dashboard lists the open trend incidents (detected or confirmed) with their cases. */
@Component
class DashboardIncidents implements OpenIncidents {

    private final Trends trends;

    DashboardIncidents(Trends trends) {
        this.trends = trends;
    }

    @Override
    public List<Incident> open() {
        return trends.openIncidents().stream()
                .map(i -> new Incident(i.kind().wire(), i.key(), i.detectedAt(), i.cases()))
                .toList();
    }
}
