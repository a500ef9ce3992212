package io.casedesk.knowledge;

import io.casedesk.system.PublicUrl;
import io.casedesk.system.TextIndex.Hit;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base: articles that prevention tickets write, found by full-text search (the same BM25 ranking as
 * the similar cases), read by customers at a public page, and used by the assist's suggested replies.
 */
@Service
@Transactional
public class KnowledgeBase {

    /** A match of an article for a text: how relevant (BM25 score; comparable only within one search). */
    public record Match(Article article, double score) {}

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 20_000;
    static final int SLUG_MAX = 100;

    private final ArticleRepository articles;
    private final ArticleIndex index;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    KnowledgeBase(
            ArticleRepository articles,
            ArticleIndex index,
            PublicUrl publicUrl,
            Clock clock,
            ApplicationEventPublisher events) {
        this.articles = articles;
        this.index = index;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Writes a prevention ticket's article: the ticket's earlier article (or the one of the same title) is updated,
     * else a new one is created.
     */
    public Article write(ArticleDraft draft, long preventionTicketId) {
        ArticleDraft clean = validated(draft);
        String slug = slug(clean.title());
        Optional<Article> existing = articles.byTicket(preventionTicketId).or(() -> articles.bySlug(slug));
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            articles.update(id, clean, clock.instant());
        } else {
            id = articles.insert(slug, clean, preventionTicketId, clock.instant());
        }
        events.publishEvent(new ArticleWritten(id));
        return articles.byId(id).orElseThrow();
    }

    /** The articles matching the words of the query, best first; for an empty query the latest changed. */
    @Transactional(readOnly = true)
    public List<Article> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return articles.latest(limit);
        }
        return matches(query, limit, 0).stream().map(Match::article).toList();
    }

    /**
     * The article that matches a text best among those containing at least {@code minShare} of its distinct words
     * (and two), if any. A failure to search must not roll back the
     * caller's transaction (a case task's assist asks within the engine's).
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class)
    public Optional<Match> bestMatch(String text, double minShare) {
        return matches(text, 1, minShare).stream().findFirst();
    }

    /** An article by its public id (KB-12) or its slug. */
    @Transactional(readOnly = true)
    public Optional<Article> find(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.length() > SLUG_MAX + 20) {
            return Optional.empty();
        }
        if (idOrSlug.matches(Article.ID_PREFIX + "\\d{1,18}")) {
            return articles.byId(Long.parseLong(idOrSlug.substring(Article.ID_PREFIX.length())));
        }
        return articles.bySlug(idOrSlug);
    }

    /** The article's public page, as a link in a mail or a reply. */
    public String url(Article article) {
        return publicUrl.base() + "/kb/" + article.slug();
    }

    private List<Match> matches(String text, int limit, double minShare) {
        List<Hit> hits = index.search(text, limit, minShare);
        Map<Long, Article> found = articles
                .byIds(hits.stream().map(h -> Long.parseLong(h.id())).toList())
                .stream()
                .collect(Collectors.toMap(Article::id, Function.identity()));
        return hits.stream()
                .filter(h -> found.containsKey(Long.parseLong(h.id())))
                .map(h -> new Match(found.get(Long.parseLong(h.id())), h.score()))
                .sorted(Comparator.comparingDouble(Match::score).reversed())
                .toList();
    }

    private static ArticleDraft validated(ArticleDraft draft) {
        String title = draft.title() == null ? "" : draft.title().strip();
        String body = draft.body() == null ? "" : draft.body().strip();
        if (title.isEmpty() || body.isEmpty()) {
            throw new IllegalArgumentException("An article needs a title and a body");
        }
        if (title.length() > TITLE_MAX || body.length() > BODY_MAX) {
            throw new IllegalArgumentException(
                    "An article's title has at most %d characters, its body %d".formatted(TITLE_MAX, BODY_MAX));
        }
        List<String> tags = draft.tags() == null
                ? List.of()
                : draft.tags().stream()
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList();
        if (tags.stream().anyMatch(t -> !t.matches("[a-z0-9]+(-[a-z0-9]+)*") || t.length() > 64)) {
            throw new IllegalArgumentException("Article tags are words in lower case joined by hyphens: " + tags);
        }
        return new ArticleDraft(title, body, tags);
    }

    /** The title in lower-case ASCII words joined by hyphens: "Card declined?" → card-declined. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_MAX) {
            slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }
}
