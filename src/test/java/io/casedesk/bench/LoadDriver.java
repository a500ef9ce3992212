package io.casedesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An HTTP load driver in plain Java (works on any machine with a JDK): a closed loop of N connections each sending
 * its next request as soon as the last one is answered (the peak rate), or an open loop at a fixed arrival rate,
 * where latency is counted from the moment a request was due, so a stalled server is not hidden by requests that
 * were never sent (no coordinated omission). Latencies go into an HdrHistogram in microseconds.
 */
public final class LoadDriver implements AutoCloseable {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    /** What one measurement did. */
    public record Result(String workload, long requests, long errors, Duration elapsed, Histogram latencyMicros) {

        public double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        public double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        /** Several measurements of one workload as one (requests and time add up, histograms merge). */
        public static Result combine(String workload, List<Result> results) {
            var histogram = new Histogram(HIGHEST_MICROS, 3);
            long requests = 0;
            long errors = 0;
            Duration elapsed = Duration.ZERO;
            for (Result r : results) {
                histogram.add(r.latencyMicros());
                requests += r.requests();
                errors += r.errors();
                elapsed = elapsed.plus(r.elapsed());
            }
            return new Result(workload, requests, errors, elapsed, histogram);
        }
    }

    private final HttpClient http;
    private final ExecutorService httpExecutor;

    public LoadDriver() {
        httpExecutor = Executors.newCachedThreadPool(daemon("load-http"));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(httpExecutor)
                .build();
    }

    /**
     * {@code connections} senders, each sending {@code request.apply(n)} (n counts up across all senders) and
     * waiting for the answer, for {@code duration}. An answer with another status than {@code expectedStatus}
     * counts as an error (the first few are printed) and is not in the latencies.
     */
    public Result closedLoop(
            String workload, int connections, Duration duration, IntFunction<HttpRequest> request, int expectedStatus) {
        var recorder = new Recorder(HIGHEST_MICROS, 3);
        var sequence = new AtomicInteger();
        var requests = new AtomicLong();
        var errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService senders = Executors.newFixedThreadPool(connections, daemon("load-closed"));
        for (int i = 0; i < connections; i++) {
            senders.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    if (send(request.apply(sequence.getAndIncrement()), expectedStatus, errors)) {
                        recorder.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - sent) / 1000));
                        requests.incrementAndGet();
                    }
                }
            });
        }
        awaitEnd(senders, duration);
        return new Result(
                workload,
                requests.get(),
                errors.get(),
                Duration.ofNanos(System.nanoTime() - start),
                recorder.getIntervalHistogram());
    }

    /**
     * Requests due at a fixed rate for {@code duration}, each sent at its due time on a thread of its own pool
     * (at most {@code maxInFlight} in flight; beyond that a request waits, and its wait counts in its latency).
     */
    public Result openLoop(
            String workload,
            double perSecond,
            int maxInFlight,
            Duration duration,
            IntFunction<HttpRequest> request,
            int expectedStatus) {
        var recorder = new Recorder(HIGHEST_MICROS, 3);
        var requests = new AtomicLong();
        var errors = new AtomicLong();
        long intervalNanos = (long) (1e9 / perSecond);
        long count = duration.toNanos() / intervalNanos;
        ExecutorService senders = Executors.newFixedThreadPool(maxInFlight, daemon("load-open"));
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            int n = i;
            sleepUntil(due);
            senders.submit(() -> {
                if (send(request.apply(n), expectedStatus, errors)) {
                    recorder.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - due) / 1000));
                    requests.incrementAndGet();
                }
            });
        }
        awaitEnd(senders, Duration.ofMinutes(2));
        return new Result(
                workload,
                requests.get(),
                errors.get(),
                Duration.ofNanos(count * intervalNanos),
                recorder.getIntervalHistogram());
    }

    private boolean send(HttpRequest request, int expectedStatus, AtomicLong errors) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expectedStatus) {
                return true;
            }
            if (errors.incrementAndGet() <= 3) {
                System.out.printf(
                        "[load] %s %s -> %d %s%n",
                        request.method(), request.uri().getPath(), response.statusCode(), abbreviate(response.body()));
            }
        } catch (IOException e) {
            if (errors.incrementAndGet() <= 3) {
                System.out.printf(
                        "[load] %s %s -> %s%n", request.method(), request.uri().getPath(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Prints measurements as a table; {@code ratioTo} names the workload the others are divided by (or null). */
    public static void printTable(String title, List<Result> results, String ratioTo) {
        double base = results.stream()
                .filter(r -> r.workload().equals(ratioTo))
                .mapToDouble(Result::perSecond)
                .findFirst()
                .orElse(Double.NaN);
        var out = new StringBuilder();
        out.append('\n').append(title).append('\n');
        out.append(String.format(
                Locale.ROOT,
                "%-22s %9s %7s %9s %9s %9s %9s %9s %8s%n",
                "workload",
                "requests",
                "errors",
                "per s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                ratioTo == null ? "" : "ratio"));
        for (Result r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-22s %9d %7d %9.1f %9.1f %9.1f %9.1f %9.1f %8s%n",
                    r.workload(),
                    r.requests(),
                    r.errors(),
                    r.perSecond(),
                    r.percentileMillis(50),
                    r.percentileMillis(90),
                    r.percentileMillis(99),
                    r.maxMillis(),
                    ratioTo == null ? "" : String.format(Locale.ROOT, "%.2f", r.perSecond() / base)));
        }
        System.out.print(out);
    }

    @Override
    public void close() {
        httpExecutor.shutdownNow();
    }

    private static void awaitEnd(ExecutorService senders, Duration duration) {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        var counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
