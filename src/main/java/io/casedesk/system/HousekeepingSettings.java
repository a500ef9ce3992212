package io.casedesk.system;

import java.time.Duration;
import java.util.function.IntUnaryOperator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.housekeeping.*: how the features purge their own expired rows (each feature its own tables, with the
 * retention in its own settings). Every node purges; the deletes name only rows past their retention, so two nodes
 * purging at once delete each row once and leave the same result as one.
 *
 * @param every        pause between two purges of a node
 * @param initialDelay first purge after the start
 * @param batchSize    rows one delete statement removes at most, so no statement holds its locks for long
 * @param maxBatches   delete statements per table and purge at most; what is left waits for the next purge
 */
@ConfigurationProperties("casedesk.housekeeping")
public record HousekeepingSettings(
        @DefaultValue("PT15M") Duration every,
        @DefaultValue("PT2M") Duration initialDelay,
        @DefaultValue("500") int batchSize,
        @DefaultValue("20") int maxBatches) {

    public HousekeepingSettings {
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("casedesk.housekeeping.batch-size and max-batches must be at least 1");
        }
    }

    /**
     * Runs a bounded delete ({@code deleteUpTo} removes at most the given number of rows, in a transaction of its
     * own, and tells how many it removed) until a batch comes back short or {@link #maxBatches} have run.
     *
     * @return the rows removed
     */
    public int inBatches(IntUnaryOperator deleteUpTo) {
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int deleted = deleteUpTo.applyAsInt(batchSize);
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return total;
    }
}
