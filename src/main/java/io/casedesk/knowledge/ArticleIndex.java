package io.casedesk.knowledge;

import io.casedesk.system.TextIndex;
import io.casedesk.system.TextIndex.Hit;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The articles' full-text index, in memory: there are hundreds of articles, not hundreds of thousands, so each node
 * reads them all at start and then the ones changed since (catch-up), besides taking its own writes once committed.
 */
@Component
class ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    static final Map<String, Float> BOOSTS = Map.of("title", 3.0f, "tags", 2.0f, "body", 1.0f);

    private final TextIndex index = TextIndex.inMemory();
    private final ArticleRepository articles;
    private volatile Instant changedUpTo = Instant.EPOCH;

    ArticleIndex(ArticleRepository articles) {
        this.articles = articles;
    }

    List<Hit> search(String text, int limit, double minShare) {
        return index.search(text, BOOSTS, List.of(), limit, minShare);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void written(ArticleWritten written) {
        try {
            articles.byId(written.id()).ifPresent(this::put);
            index.commit(Map.of());
        } catch (RuntimeException e) {
            log.warn("Article {} not indexed now, the next catch-up will: {}", written.id(), e.toString());
        }
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "${casedesk.knowledge.catch-up-interval:PT30S}")
    synchronized void catchUp() {
        try {
            // an update's timestamp is seconds old on MySQL without fractions: read the last second again
            for (Article article : articles.changedSince(changedUpTo.minusSeconds(1))) {
                put(article);
                if (article.updatedAt().isAfter(changedUpTo)) {
                    changedUpTo = article.updatedAt();
                }
            }
            index.commit(Map.of());
        } catch (RuntimeException e) {
            log.warn("Catching up the article index failed, trying again later: {}", e.toString());
        }
    }

    private void put(Article article) {
        index.put(
                String.valueOf(article.id()),
                Map.of("title", article.title(), "tags", String.join(" ", article.tags()), "body", article.body()));
    }

    @PreDestroy
    void close() {
        index.close();
    }
}
