package io.casedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.cases.CaseReporting.Dimension;
import io.casedesk.cases.CaseReporting.Figures;
import io.casedesk.cases.CaseReporting.Filter;
import io.casedesk.cases.CaseReporting.Timing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Nearest-rank percentiles per key on H2 for a period of more cases than an H2 array holds (65,536): the ordered
 * lists would fail the statement, so the figures come from window functions; both ways give the same figures, checked
 * against every key's values ranked here.
 */
class CaseReportingPercentilesTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CASES = 70_000;

    /** Case x (1 to 70,000) is opened x seconds after START, its durations and keys made from x. */
    private static final LongUnaryOperator FRT = x -> x % 9_973 * 7 + 30;

    private static final LongUnaryOperator TTA = x -> 5 + x % 60;
    private static final LongUnaryOperator RES = x -> 600 + x * 37 % 86_400;
    private static final LongFunction<String> GROUP = x -> x % 3 == 0 ? "tier2" : "tier1";
    private static final LongFunction<String> CHANNEL = x -> x % 5 == 0 ? "email" : "chat";
    private static final LongFunction<String> AGENT = x -> "agent-" + x % 7;

    private final CaseStoreFixture store = CaseStoreFixture.inMemory();

    CaseReportingPercentilesTest() {
        store.jdbc()
                .sql("""
                INSERT INTO support_case (id, reference, status, channel, customer_email, customer_tier, subject,
                    description, severity_given, sentiment, priority, assigned_group, agent, agent_replies,
                    escalation_level, reopen_count, csat, created_at, acknowledged_at, first_response_at,
                    resolved_at, closed_at)
                SELECT X, 'L' || X, 'closed', CASE WHEN MOD(X, 5) = 0 THEN 'email' ELSE 'chat' END, 'l@example.com',
                    'standard', 'Large period', 'l', FALSE, 0.0, 'P2',
                    CASE WHEN MOD(X, 3) = 0 THEN 'tier2' ELSE 'tier1' END, 'agent-' || MOD(X, 7), 1, 0, 0, NULL,
                    DATEADD(SECOND, X, CAST(:start AS TIMESTAMP)),
                    DATEADD(SECOND, X + 5 + MOD(X, 60), CAST(:start AS TIMESTAMP)),
                    DATEADD(SECOND, X + MOD(X, 9973) * 7 + 30, CAST(:start AS TIMESTAMP)),
                    DATEADD(SECOND, X + 600 + MOD(X * 37, 86400), CAST(:start AS TIMESTAMP)),
                    DATEADD(SECOND, X + 600 + MOD(X * 37, 86400) + 60, CAST(:start AS TIMESTAMP))
                FROM SYSTEM_RANGE(1, :cases)""")
                .param("start", java.sql.Timestamp.from(START))
                .param("cases", CASES)
                .update();
    }

    @Test
    void aPeriodOfMoreCasesThanAnArrayHolds_isRankedByWindowFunctions() {
        var reporting = new CaseReporting(store.jdbc(), store.database());
        Filter all = new Filter(START, START.plusSeconds(CASES + 1), null, null, null);

        assertEveryKeyRankedByHand(reporting.figures(all), 1, CASES);
    }

    @Test
    void bothWaysGiveTheSameFigures() {
        var arrays = new CaseReporting(store.jdbc(), store.database());
        var windows = new CaseReporting(store.jdbc(), store.database(), 0);
        Filter day = new Filter(START.plusSeconds(1_000), START.plusSeconds(11_000), null, null, null);

        assertThat(windows.figures(day)).isEqualTo(arrays.figures(day));
        assertEveryKeyRankedByHand(windows.figures(day), 1_000, 10_999);
        // a filter fixing a key takes the totals' percentiles for it
        Filter tier2 = new Filter(day.from(), day.to(), "tier2", null, null);
        assertThat(windows.figures(tier2)).isEqualTo(arrays.figures(tier2));
    }

    /** The p50 and p90 of every key of every dimension, against the keys' values of cases first to last ranked here. */
    private static void assertEveryKeyRankedByHand(Map<Dimension, List<Figures>> figures, long first, long last) {
        Map<Dimension, LongFunction<String>> keyOf = Map.of(
                Dimension.ALL, x -> "all", Dimension.GROUP, GROUP, Dimension.CHANNEL, CHANNEL, Dimension.AGENT, AGENT);
        for (Dimension dimension : Dimension.values()) {
            Map<String, List<long[]>> values = new HashMap<>();
            for (long x = first; x <= last; x++) {
                values.computeIfAbsent(keyOf.get(dimension).apply(x), k -> new ArrayList<>())
                        .add(new long[] {FRT.applyAsLong(x), TTA.applyAsLong(x), RES.applyAsLong(x)});
            }
            assertThat(figures.get(dimension))
                    .extracting(Figures::key)
                    .containsExactlyInAnyOrderElementsOf(values.keySet());
            for (Figures key : figures.get(dimension)) {
                List<long[]> of = values.get(key.key());
                String what = dimension + " " + key.key();
                assertRanked(key.firstResponse(), of, 0, what + " frt");
                assertRanked(key.acknowledgement(), of, 1, what + " tta");
                assertRanked(key.resolution(), of, 2, what + " res");
            }
        }
    }

    private static void assertRanked(Timing timing, List<long[]> values, int column, String what) {
        long[] sorted = values.stream().mapToLong(v -> v[column]).sorted().toArray();
        assertThat(timing.count()).as(what).isEqualTo(sorted.length);
        int n = sorted.length;
        // the ceil(p * n)-th value, in whole numbers
        assertThat(timing.p50Seconds()).as(what + " p50").isEqualTo(sorted[(n + 1) / 2 - 1]);
        assertThat(timing.p90Seconds()).as(what + " p90").isEqualTo(sorted[(9 * n + 9) / 10 - 1]);
    }
}
