package io.casedesk.system;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the features' purges on this node, every casedesk.housekeeping.every. */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final List<Purge> purges;
    private final Clock clock;

    Housekeeping(List<Purge> purges, Clock clock) {
        this.purges = purges;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${casedesk.housekeeping.initial-delay:PT2M}",
            fixedDelayString = "${casedesk.housekeeping.every:PT15M}")
    void purgeAll() {
        for (Purge purge : purges) {
            try {
                int deleted = purge.purge(clock.instant());
                if (deleted > 0) {
                    log.info("Purged {} {}", deleted, purge.what());
                }
            } catch (DataAccessException e) {
                // nothing is lost: the rows stay until the next purge, and the other purges still run
                log.warn("{} not purged this time: {}", purge.what(), e.toString());
            }
        }
    }
}
