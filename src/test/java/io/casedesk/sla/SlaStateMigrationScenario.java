package io.casedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casedesk.cases.CaseSla;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V9 on data shaped as it was before it (Flyway stopped at V8): the SLA state support_case kept moves
 * into sla_record, nothing of it is lost, the duplicate columns are gone, and each case shows the same SLA as
 * before, now read from the records. Run on H2 ({@link SlaStateMigrationTest}) and MySQL/MariaDB
 * ({@link SlaStateMigrationMySqlTest}), each on an empty database of its own.
 */
abstract class SlaStateMigrationScenario {

    private static final Instant OPENED = Instant.parse("2025-05-05T09:00:00Z");

    /** An empty database. */
    abstract DataSource database();

    @Test
    void theSlaStateMovesIntoTheRecords_andTheDuplicatesAreDropped() {
        DataSource database = database();
        Flyway previous = flyway(database, "8");
        assertThat(previous.info().applied())
                .as("the migration test needs an empty database")
                .isEmpty();
        previous.migrate();
        var jdbc = JdbcClient.create(database);

        // triaged before sla_record existed: response met in time, resolution breached by the timer and resolved late
        long legacy = insertCase(
                jdbc, "LEGACY-1", "closed", "business-hours", "09:30", "17:00", false, true, 0, "09:20", "18:15");
        // triaged before sla_record existed, still waiting for its first response
        long legacyOpen = insertCase(jdbc, "LEGACY-2", "open", "24x7", "10:00", "21:00", false, false, 0, null, null);
        // opened but never triaged: no SLA to move
        long untriaged = insertCase(jdbc, "UNTRIAGED", "open", null, null, null, false, false, 0, null, null);
        // with records: response met, then waited 90 min on the customer; the case moved both of its due dates,
        // the records only the running resolution target's
        long paused =
                insertCase(jdbc, "PAUSED", "in_progress", "24x7", "10:30", "20:30", false, false, 5400, "09:10", null);
        insertRecord(jdbc, paused, "RESPONSE", "09:00", 0, "MET", null, "09:10", null);
        insertRecord(jdbc, paused, "RESOLUTION", "20:30", 5400, "RUNNING", null, null, null);
        // with records that miss a breach the case's flag has, and a pause the case counted longer
        long flagged =
                insertCase(jdbc, "FLAGGED", "escalated", "24x7", "09:15", "13:00", true, false, 7200, "09:45", null);
        insertRecord(jdbc, flagged, "RESPONSE", "09:15", 0, "MET", null, "09:45", null);
        insertRecord(jdbc, flagged, "RESOLUTION", "13:00", 3600, "RUNNING", null, null, null);

        flyway(database, "latest").migrate();

        var legacyRecords = records(jdbc, legacy);
        assertThat(legacyRecords.get("RESPONSE"))
                .containsEntry("outcome", "MET")
                .containsEntry("calendar", "business-hours")
                .containsEntry("due_at", at("09:30"))
                .containsEntry("met_at", at("09:20"))
                .containsEntry("started_at", OPENED)
                .containsEntry("target_seconds", 1800L)
                .containsEntry("breached_at", null)
                .containsEntry("late_seconds", null)
                .containsEntry("paused_seconds", 0L);
        assertThat(legacyRecords.get("RESOLUTION"))
                .containsEntry("outcome", "BREACHED")
                .containsEntry("due_at", at("17:00"))
                .containsEntry("breached_at", at("17:00"))
                .containsEntry("met_at", at("18:15"))
                .containsEntry("late_seconds", 4500L)
                .containsEntry("target_seconds", 8 * 3600L);
        assertThat(records(jdbc, legacyOpen).get("RESPONSE"))
                .containsEntry("outcome", "RUNNING")
                .containsEntry("met_at", null)
                .containsEntry("calendar", "24x7");
        assertThat(records(jdbc, legacyOpen).get("RESOLUTION")).containsEntry("outcome", "RUNNING");
        assertThat(records(jdbc, untriaged)).isEmpty();

        assertThat(records(jdbc, paused).get("RESPONSE"))
                .as("a met target keeps the deadline it was met against")
                .containsEntry("due_at", at("09:00"))
                .containsEntry("outcome", "MET");
        assertThat(records(jdbc, paused).get("RESOLUTION"))
                .containsEntry("due_at", at("20:30"))
                .containsEntry("paused_seconds", 5400L)
                .containsEntry("outcome", "RUNNING");

        assertThat(records(jdbc, flagged).get("RESPONSE"))
                .containsEntry("outcome", "BREACHED")
                .containsEntry("breached_at", at("09:15"))
                .containsEntry("late_seconds", 1800L);
        assertThat(records(jdbc, flagged).get("RESOLUTION"))
                .containsEntry("paused_seconds", 7200L)
                .containsEntry("outcome", "RUNNING");

        // what GET /api/cases/{reference} shows, now read from the records
        Map<Long, CaseSla> shown = new SlaOfCases(jdbc).slaOf(List.of(legacy, legacyOpen, untriaged, paused, flagged));
        assertThat(shown.get(legacy))
                .isEqualTo(new CaseSla("business-hours", at("09:30"), at("17:00"), false, true, Duration.ZERO));
        assertThat(shown.get(legacyOpen))
                .isEqualTo(new CaseSla("24x7", at("10:00"), at("21:00"), false, false, Duration.ZERO));
        assertThat(shown).doesNotContainKey(untriaged);
        assertThat(shown.get(paused))
                .isEqualTo(new CaseSla("24x7", at("09:00"), at("20:30"), false, false, Duration.ofSeconds(5400)));
        assertThat(shown.get(flagged))
                .isEqualTo(new CaseSla("24x7", at("09:15"), at("13:00"), true, false, Duration.ofSeconds(7200)));

        for (String column : List.of(
                "sla_calendar",
                "response_due_at",
                "resolution_due_at",
                "response_breached",
                "resolution_breached",
                "sla_paused_seconds")) {
            assertThatThrownBy(() -> jdbc.sql("SELECT " + column + " FROM support_case")
                            .query()
                            .listOfRows())
                    .as("support_case.%s is dropped", column)
                    .isInstanceOf(RuntimeException.class);
        }
        assertThat(jdbc.sql("SELECT reference FROM case_report ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("LEGACY-1", "LEGACY-2", "UNTRIAGED", "PAUSED", "FLAGGED");
    }

    private static Flyway flyway(DataSource database, String target) {
        // as the application configures it (spring.flyway.* in application.yaml)
        return Flyway.configure()
                .dataSource(database)
                .table("casedesk_schema_history")
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static long insertCase(
            JdbcClient jdbc,
            String reference,
            String status,
            String calendar,
            String responseDue,
            String resolutionDue,
            boolean responseBreached,
            boolean resolutionBreached,
            long pausedSeconds,
            String firstResponse,
            String resolved) {
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_tier, subject,
                    description, severity_given, sentiment, priority, sla_calendar, response_due_at, resolution_due_at,
                    response_breached, resolution_breached, sla_paused_seconds, created_at, first_response_at,
                    resolved_at)
                VALUES (:reference, :status, 'email', 'ana@example.com', 'standard', 'Before V9', 'Shaped as before',
                    FALSE, 0.0, :priority, :calendar, :responseDue, :resolutionDue, :responseBreached,
                    :resolutionBreached, :paused, :created, :firstResponse, :resolved)""")
                .param("reference", reference)
                .param("status", status)
                .param("priority", calendar == null ? null : "P2")
                .param("calendar", calendar)
                .param("responseDue", ts(responseDue))
                .param("resolutionDue", ts(resolutionDue))
                .param("responseBreached", responseBreached)
                .param("resolutionBreached", resolutionBreached)
                .param("paused", pausedSeconds)
                .param("created", Timestamp.from(OPENED))
                .param("firstResponse", ts(firstResponse))
                .param("resolved", ts(resolved))
                .update();
        return jdbc.sql("SELECT id FROM support_case WHERE reference = :reference")
                .param("reference", reference)
                .query(Long.class)
                .single();
    }

    private static void insertRecord(
            JdbcClient jdbc,
            long caseId,
            String target,
            String due,
            long pausedSeconds,
            String outcome,
            String breached,
            String met,
            Long lateSeconds) {
        jdbc.sql("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, paused_seconds,
                    outcome, breached_at, met_at, late_seconds)
                VALUES (:id, :target, 3600, '24x7', :started, :due, :paused, :outcome, :breached, :met, :late)""")
                .param("id", caseId)
                .param("target", target)
                .param("started", Timestamp.from(OPENED))
                .param("due", ts(due))
                .param("paused", pausedSeconds)
                .param("outcome", outcome)
                .param("breached", ts(breached))
                .param("met", ts(met))
                .param("late", lateSeconds)
                .update();
    }

    /** The case's records by target, with instants and whole numbers as such. */
    private static Map<String, Map<String, Object>> records(JdbcClient jdbc, long caseId) {
        var byTarget = new java.util.TreeMap<String, Map<String, Object>>();
        jdbc.sql("""
                SELECT target, target_seconds, calendar, started_at, due_at, paused_seconds, paused_since, outcome,
                       breached_at, met_at, late_seconds
                FROM sla_record WHERE case_id = :id""")
                .param("id", caseId)
                .query((rs, n) -> {
                    var row = new java.util.HashMap<String, Object>();
                    row.put("target_seconds", rs.getLong("target_seconds"));
                    row.put("calendar", rs.getString("calendar"));
                    row.put("paused_seconds", rs.getLong("paused_seconds"));
                    row.put("outcome", rs.getString("outcome"));
                    row.put("late_seconds", rs.getObject("late_seconds") == null ? null : rs.getLong("late_seconds"));
                    for (String column : List.of("started_at", "due_at", "paused_since", "breached_at", "met_at")) {
                        Timestamp value = rs.getTimestamp(column);
                        row.put(column, value == null ? null : value.toInstant());
                    }
                    byTarget.put(rs.getString("target"), row);
                    return row;
                })
                .list();
        return byTarget;
    }

    /** A time on the day the cases were opened (UTC). */
    private static Instant at(String time) {
        return Instant.parse("2025-05-05T" + time + ":00Z");
    }

    private static Timestamp ts(String time) {
        return time == null ? null : Timestamp.from(at(time));
    }
}
