package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

class HousekeepingTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void everyPurgeRuns_withTheClocksTime_evenWhenAnEarlierOneFails() {
        List<String> ran = new ArrayList<>();
        Purge failing = purge("failing", now -> {
            ran.add("failing@" + now);
            throw new QueryTimeoutException("lock wait timeout");
        });
        Purge keys = purge("keys", now -> {
            ran.add("keys@" + now);
            return 3;
        });

        new Housekeeping(List.of(failing, keys), Clock.fixed(NOW, ZoneOffset.UTC)).purgeAll();

        assertThat(ran).containsExactly("failing@" + NOW, "keys@" + NOW);
    }

    private interface Deletion {
        int at(Instant now);
    }

    private static Purge purge(String what, Deletion deletion) {
        return new Purge() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public int purge(Instant now) {
                return deletion.at(now);
            }
        };
    }
}
