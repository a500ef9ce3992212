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
public final class RateLimiter {

    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(long capacity, Duration period, long maxClients) {
        this.limit = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(capacity, period)
                .build();
        // idle buckets are full again after one period; dropping them then changes nothing
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(period)
                .build();
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the seconds until the next is allowed. */
    public long tryAcquire(String client) {
        ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return seconds(probe.getNanosToWaitForRefill());
    }

    /** Whether the client has a request left, without taking it: 0 when it has, else the seconds until it has. */
    public long waitFor(String client) {
        var estimate = bucket(client).estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : seconds(estimate.getNanosToWaitForRefill());
    }

    private Bucket bucket(String client) {
        return buckets.get(client, key -> Bucket.builder().addLimit(limit).build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
