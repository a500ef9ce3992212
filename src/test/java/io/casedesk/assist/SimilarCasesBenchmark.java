package io.casedesk.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.CaseTexts;
import io.casedesk.cases.CaseTexts.CaseText;
import io.casedesk.knowledge.KnowledgeBase;
import io.casedesk.orders.OrderService;
import io.casedesk.system.TextIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/cases/{reference}/similar at 100,000 resolved cases (target: under 50 ms): the index on disk as in
 * production, built by the catch-up from synthetic cases written from a support vocabulary (products, problems,
 * channels, the way customers write), then 1,000 new cases asking for their five most similar after 300 to warm up.
 * The database is stood in by maps (the two primary-key reads of a request are not timed), so the figures are the
 * assist's own work: analysing the case, the BM25 search, assembling the answer. Prints a Markdown table.
 * <p>
 * {@code flock /work/bench.lock ./mvnw -Pbench test -Dtest=SimilarCasesBenchmark}
 */
@Tag("benchmark")
class SimilarCasesBenchmark {

    static final int CASES = Integer.getInteger("casedesk.bench.similar.cases", 100_000);
    static final int WARM_UP = 300;
    static final int QUERIES = 1_000;

    static final String[] PRODUCTS = {
        "espresso machine",
        "coffee grinder",
        "kettle",
        "toaster",
        "blender",
        "headphones",
        "smart watch",
        "phone case",
        "laptop sleeve",
        "backpack",
        "running shoes",
        "rain jacket",
        "desk lamp",
        "office chair",
        "monitor stand",
        "keyboard",
        "mouse",
        "webcam",
        "router",
        "power bank",
        "gift card",
        "subscription box",
        "mug",
        "water bottle",
        "yoga mat",
        "bike light",
        "tent",
        "sleeping bag",
        "vacuum cleaner",
        "air fryer"
    };
    static final String[][] PROBLEMS = {
        {"has not arrived", "tracking has not moved for days", "parcel stuck at the depot", "carrier says delivered"},
        {"arrived broken", "box was crushed and the item is damaged", "glass cracked in transit", "parts missing"},
        {"charged twice", "two payments on my statement", "double charge on my card", "refund the duplicate"},
        {
            "card declined at checkout",
            "payment fails with an error",
            "bank approved it but the shop says declined",
            "3-D Secure window never opens"
        },
        {
            "cannot log in",
            "password reset mail never arrives",
            "account locked after wrong password",
            "two-factor code not accepted"
        },
        {
            "subscription renewal failed",
            "renewal payment bounced",
            "card expired and the plan stopped",
            "was billed after cancelling"
        },
        {
            "want a refund",
            "returned it two weeks ago and no refund yet",
            "refund shows pending",
            "refund went to an old card"
        },
        {"stopped working", "does not turn on anymore", "makes a loud noise", "battery drains overnight"},
        {"wrong item delivered", "received a different colour", "wrong size in the box", "someone else's order"},
        {
            "checkout page does not load",
            "spinner forever on the payment step",
            "basket empties itself",
            "promo code rejected"
        },
        {
            "change my delivery address",
            "moved house last week",
            "parcel going to my old address",
            "update the address before dispatch"
        },
        {"how do I use", "manual is missing", "setup instructions unclear", "which settings are recommended"}
    };
    static final String[][] RESOLUTIONS = {
        {"Opened a carrier investigation and sent a replacement", "Asked the carrier to redeliver the next day"},
        {"Sent a replacement in stronger packaging", "Refunded the damaged item and kept the rest of the order"},
        {"Refunded the duplicate payment", "Voided the second authorisation with the bank"},
        {
            "The bank's 3-D Secure check failed; the customer approved it in the banking app",
            "Suggested another card; the first was blocked for online payments"
        },
        {"Resent the reset link, it was in the spam folder", "Unlocked the account and reset two-factor"},
        {"The customer updated the card and the renewal was retried", "Refunded the charge after cancellation"},
        {"Pushed the refund through the payment provider", "Refunded to the new card after the old was closed"},
        {"Sent a replacement under warranty", "Walked the customer through a reset; it works again"},
        {"Sent the right item with a return label for the wrong one", "Exchanged for the right size"},
        {"Cleared a stuck basket session", "Fixed the promo code's validity dates"},
        {"Updated the address with the carrier before dispatch", "Rerouted the parcel to the new address"},
        {"Sent the manual and a short how-to video", "Explained the recommended settings"}
    };
    static final String[] OPENERS = {
        "Hello,", "Hi there,", "Good morning,", "Dear support,", "Hey,", "Hello team,", "Hi,", ""
    };
    static final String[] MIDDLES = {
        "I ordered it last week", "this is the second time it happens", "I already tried twice",
        "my friend had the same problem", "I need it for a trip on Friday", "it was a present for my mother",
        "I have been a customer for years", "nobody answered my last mail", "the app shows nothing useful",
        "I followed the instructions on your website", "please help quickly", "I am really disappointed"
    };
    static final String[] CLOSERS = {"Thanks", "Regards", "Thank you in advance", "Cheers", "Best", ""};

    @Test
    void fiveSimilar_at100000ResolvedCases(@TempDir Path directory) throws IOException {
        var random = new Random(42);
        var resolved = new ArrayList<CaseText>(CASES);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 1; i <= CASES; i++) {
            resolved.add(synthetic(random, i, t0.plusSeconds(i * 30L), true));
        }
        Map<String, CaseText> byReference = new HashMap<>();
        resolved.forEach(c -> byReference.put(c.reference(), c));

        Map<String, CaseText> asking = new HashMap<>();
        // stub-only mocks with one answer each: a mock that records calls or matches many stubs would be timed too
        CaseTexts texts = mock(CaseTexts.class, withSettings().stubOnly());
        List<Long> ids = resolved.stream().map(CaseText::id).toList();
        when(texts.of(anyString())).thenAnswer(call -> Optional.ofNullable(asking.get(call.<String>getArgument(0))));
        when(texts.settledSince(any(), anyLong(), anyInt())).thenAnswer(call -> {
            Instant since = call.getArgument(0);
            long afterId = call.getArgument(1);
            int limit = call.getArgument(2);
            int from = Collections.binarySearch(ids, afterId + 1, Long::compare);
            from = from < 0 ? -from - 1 : from;
            return since.equals(Instant.EPOCH) || afterId > 0
                    ? resolved.subList(from, Math.min(resolved.size(), from + limit))
                    : List.of();
        });
        when(texts.byReference(anyCollection())).thenAnswer(call -> {
            Collection<String> references = call.getArgument(0);
            var found = new HashMap<String, CaseText>();
            references.forEach(r -> Optional.ofNullable(byReference.get(r)).ifPresent(c -> found.put(r, c)));
            return found;
        });
        var properties = new AssistProperties(directory.toString(), Duration.ofSeconds(30), Duration.ofMinutes(5), 0.2);
        var index = new CaseIndex(TextIndex.onDisk(directory), texts, properties);

        long buildStart = System.nanoTime();
        int indexed = index.catchUp();
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        assertThat(indexed).isEqualTo(CASES);
        assertThat(index.size()).isEqualTo(CASES);

        KnowledgeBase knowledge = mock(KnowledgeBase.class, withSettings().stubOnly());
        when(knowledge.bestMatch(anyString(), anyDouble())).thenReturn(Optional.empty());
        var assist = new AgentAssist(
                texts,
                index,
                knowledge,
                mock(OrderService.class),
                mock(Drafts.class),
                properties,
                Clock.systemUTC(),
                new SimpleMeterRegistry());

        var millis = new ArrayList<Double>(QUERIES);
        int withFive = 0;
        for (int q = 0; q < WARM_UP + QUERIES; q++) {
            CaseText newCase = synthetic(random, CASES + 1 + q, null, false);
            asking.put(newCase.reference(), newCase);
            long start = System.nanoTime();
            List<SimilarCase> similar = assist.similar(newCase.reference());
            long took = System.nanoTime() - start;
            if (q >= WARM_UP) {
                millis.add(took / 1e6);
                withFive += similar.size() == AgentAssist.SHOWN ? 1 : 0;
            }
        }
        Collections.sort(millis);
        index.close();
        long bytes;
        try (Stream<Path> files = Files.list(directory)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }

        System.out.printf(
                Locale.ROOT,
                "%n#### Similar cases at %,d resolved cases (Lucene %s, index on disk)%n%n"
                        + "| cases | index build | index size | queries | p50 | p99 | max | answers with 5 |%n"
                        + "|---|---|---|---|---|---|---|---|%n"
                        + "| %,d | %.1f s | %.0f MB | %,d | %.2f ms | %.2f ms | %.2f ms | %d %% |%n%n",
                CASES,
                org.apache.lucene.util.Version.LATEST,
                CASES,
                buildSeconds,
                bytes / 1e6,
                QUERIES,
                rank(millis, 50),
                rank(millis, 99),
                millis.get(millis.size() - 1),
                withFive * 100 / QUERIES);
        assertThat(withFive).as("every new case finds five similar ones").isEqualTo(QUERIES);
    }

    /** Nearest rank. */
    static double rank(List<Double> sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static CaseText synthetic(Random random, long id, Instant resolvedAt, boolean resolved) {
        int kind = random.nextInt(PROBLEMS.length);
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        String[] problem = PROBLEMS[kind];
        String order = String.valueOf(10_000 + random.nextInt(90_000));
        String subject =
                capitalised(pick(random, "My ", "The ", "Order " + order + ": ", "")) + product + " " + problem[0];
        String description = String.join(
                " ",
                pick(random, OPENERS),
                "the " + product + " from order " + order,
                problem[1 + random.nextInt(problem.length - 1)] + ",",
                pick(random, MIDDLES) + ".",
                random.nextBoolean() ? problem[1 + random.nextInt(problem.length - 1)] + "." : "",
                pick(random, CLOSERS));
        List<String> messages = random.nextInt(3) == 0
                ? List.of(pick(random, MIDDLES) + ", any news about the " + product + "?")
                : List.of();
        return new CaseText(
                id,
                "CASE-%06d".formatted(id),
                resolved ? CaseStatus.CLOSED : CaseStatus.OPEN,
                "Customer " + id,
                subject,
                description,
                order,
                messages,
                resolved ? RESOLUTIONS[kind][random.nextInt(2)] + "." : null,
                resolved ? 1 + random.nextInt(5) : null,
                resolvedAt);
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
