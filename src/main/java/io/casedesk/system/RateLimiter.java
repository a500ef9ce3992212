package io.casedesk.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One token bucket per client (Bucket4j): {@code capacity} requests, refilled gradually over {@code period}.
 * The buckets live in a size-bounded cache so a flood of distinct clients cannot exhaust memory; a client
 * that is forgotten early only gets a fresh (full) bucket.
 */
final class RateLimiter {

    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;

    RateLimiter(long capacity, Duration period, long maxClients) {
        this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        // idle buckets are full again after one period; dropping them then changes nothing
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(period).build();
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the seconds until the next is allowed. */
    long tryAcquire(String client) {
        Bucket bucket = buckets.get(client, key -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
