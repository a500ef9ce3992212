package io.casedesk.sla;

import io.casedesk.cases.CaseSla;
import io.casedesk.cases.CaseSlaSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA a case shows, read from its records, the one place the SLA state is kept: each target's deadline and
 * whether it was breached, and the time the clock stood still, which is the longest any target was paused (the
 * resolution target runs through every wait on the customer; the response target is met before one can begin).
 */
@Repository
class SlaOfCases implements CaseSlaSource {

    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    SlaOfCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(
            long caseId,
            SlaTarget target,
            String calendar,
            Instant dueAt,
            long pausedSeconds,
            SlaRecord.Outcome outcome) {}

    @Override
    public Map<Long, CaseSla> slaOf(Collection<Long> caseIds) {
        var rows = new HashMap<Long, List<Row>>();
        List<Long> ids = List.copyOf(caseIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            jdbc.sql("""
                    SELECT case_id, target, calendar, due_at, paused_seconds, outcome FROM sla_record
                    WHERE case_id IN (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .query((rs, n) -> new Row(
                            rs.getLong("case_id"),
                            SlaTarget.valueOf(rs.getString("target")),
                            rs.getString("calendar"),
                            rs.getTimestamp("due_at").toInstant(),
                            rs.getLong("paused_seconds"),
                            SlaRecord.Outcome.valueOf(rs.getString("outcome"))))
                    .list()
                    .forEach(row -> rows.computeIfAbsent(row.caseId(), id -> new ArrayList<>())
                            .add(row));
        }
        var sla = new HashMap<Long, CaseSla>();
        rows.forEach((caseId, records) -> sla.put(caseId, caseSla(records)));
        return sla;
    }

    private static CaseSla caseSla(List<Row> records) {
        Row response = of(records, SlaTarget.RESPONSE);
        Row resolution = of(records, SlaTarget.RESOLUTION);
        return new CaseSla(
                records.get(0).calendar(),
                response == null ? null : response.dueAt(),
                resolution == null ? null : resolution.dueAt(),
                breached(response),
                breached(resolution),
                Duration.ofSeconds(
                        records.stream().mapToLong(Row::pausedSeconds).max().orElse(0)));
    }

    private static Row of(List<Row> records, SlaTarget target) {
        return records.stream().filter(r -> r.target() == target).findFirst().orElse(null);
    }

    private static boolean breached(Row record) {
        return record != null && record.outcome() == SlaRecord.Outcome.BREACHED;
    }
}
