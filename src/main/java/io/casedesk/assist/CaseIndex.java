package io.casedesk.assist;

import io.casedesk.cases.CaseMilestone;
import io.casedesk.cases.CaseTexts;
import io.casedesk.cases.CaseTexts.CaseText;
import io.casedesk.system.TextIndex;
import io.casedesk.system.TextIndex.Hit;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's full-text index of resolved and closed cases. It follows the database, which stays the one source: a
 * case closed here is indexed once its transaction has committed, and every catch-up pass indexes what was resolved
 * since the last resolution indexed (the commit note), which also brings in what other nodes resolved. A missing
 * index is therefore rebuilt by the first pass at start. Indexing never takes part in a case's transaction: it runs
 * on its own thread, and a failure is logged and made up by the next pass.
 */
@Component
class CaseIndex {

    private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);

    /** Subject words say most about the problem, the resolution what fixed it, messages add detail and noise. */
    static final Map<String, Float> BOOSTS = Map.of(
            "subject", 3.0f,
            "description", 1.5f,
            "resolution", 1.2f,
            "messages", 1.0f);

    static final String RESOLVED_UP_TO = "resolvedUpTo";
    private static final int PAGE = 1000;

    private final TextIndex index;
    private final CaseTexts cases;
    private final AssistProperties properties;
    private final ExecutorService writes = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "assist-index");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    CaseIndex(CaseTexts cases, AssistProperties properties) {
        this(open(properties.indexDir()), cases, properties);
    }

    /**
     * The index in its directory; in memory when none is configured, or when another process (a second node started
     * from the same directory) holds it: this node then fills its own from the database, which only costs time.
     */
    private static TextIndex open(String directory) {
        if (directory.isBlank()) {
            return TextIndex.inMemory();
        }
        try {
            return TextIndex.onDisk(Path.of(directory));
        } catch (java.io.UncheckedIOException e) {
            log.warn("Index directory {} unusable ({}); keeping this node's index in memory", directory, e.toString());
            return TextIndex.inMemory();
        }
    }

    CaseIndex(TextIndex index, CaseTexts cases, AssistProperties properties) {
        this.index = index;
        this.cases = cases;
        this.properties = properties;
        if (!index.existed()) {
            log.info("No index of resolved cases yet: the first catch-up builds it from the database");
        }
    }

    /** The cases most like this text, best first, the case itself excluded. */
    List<Hit> search(String reference, String text, int limit) {
        return index.search(text, BOOSTS, List.of(reference), limit);
    }

    int size() {
        return index.size();
    }

    /** After a case closed (its resolution is final): index it, off the closing thread. */
    @TransactionalEventListener(fallbackExecution = true)
    void closed(CaseMilestone milestone) {
        if (milestone.kind() == CaseMilestone.Kind.CLOSED && !writes.isShutdown()) {
            writes.execute(() -> {
                try {
                    cases.of(milestone.reference()).filter(CaseText::settled).ifPresent(c -> {
                        index.put(c.reference(), texts(c));
                        index.commit(index.note());
                    });
                } catch (RuntimeException e) {
                    log.warn(
                            "Case {} not indexed now, the next catch-up will: {}", milestone.reference(), e.toString());
                }
            });
        }
    }

    /** Every catch-up interval, and first right at start (which fills a new index). */
    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "${casedesk.assist.catch-up-interval:PT30S}")
    void scheduledCatchUp() {
        if (writes.isShutdown()) {
            return;
        }
        try {
            writes.submit(this::catchUp).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn(
                    "Catching up the index of resolved cases failed, trying again later: {}",
                    e.getCause().toString());
        }
    }

    /** Indexes the cases resolved since the last indexed one (less the overlap); how many it indexed. */
    int catchUp() {
        Map<String, String> note = index.note();
        Instant upTo = note.containsKey(RESOLVED_UP_TO) ? Instant.parse(note.get(RESOLVED_UP_TO)) : Instant.EPOCH;
        Instant since = upTo.equals(Instant.EPOCH) ? upTo : upTo.minus(properties.catchUpOverlap());
        Instant now = Instant.now();
        long afterId = 0;
        int indexed = 0;
        while (true) {
            List<CaseText> page = cases.settledSince(since, afterId, PAGE);
            for (CaseText c : page) {
                index.put(c.reference(), texts(c));
                // never beyond now: a resolution time in the future (a node's wrong clock, data loaded by hand)
                // would otherwise hide every case resolved before it from all later passes
                Instant resolvedAt = c.resolvedAt().isAfter(now) ? now : c.resolvedAt();
                if (resolvedAt.isAfter(upTo)) {
                    upTo = resolvedAt;
                }
            }
            indexed += page.size();
            var next = new LinkedHashMap<>(note);
            next.put(RESOLVED_UP_TO, upTo.toString());
            index.commit(next);
            if (page.size() < PAGE) {
                return indexed;
            }
            CaseText last = page.get(page.size() - 1);
            since = last.resolvedAt();
            afterId = last.id();
        }
    }

    static Map<String, String> texts(CaseText c) {
        var texts = new LinkedHashMap<String, String>();
        texts.put("subject", c.subject());
        texts.put("description", c.description());
        texts.put("messages", String.join("\n", c.messages()));
        texts.put("resolution", c.resolution());
        return texts;
    }

    @PreDestroy
    void close() {
        writes.shutdown();
        try {
            writes.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        index.close();
    }
}
