package io.casedesk.assist;

import io.casedesk.assist.ReplyDrafter.ArticleSource;
import io.casedesk.assist.ReplyDrafter.CaseSource;
import io.casedesk.assist.ReplyDrafter.Facts;
import io.casedesk.assist.ReplyDrafter.Source;
import io.casedesk.cases.AgentReplied;
import io.casedesk.cases.CaseNotFoundException;
import io.casedesk.cases.CaseTexts;
import io.casedesk.cases.CaseTexts.CaseText;
import io.casedesk.knowledge.Article;
import io.casedesk.knowledge.KnowledgeBase;
import io.casedesk.orders.OrderService;
import io.casedesk.system.TextIndex.Hit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The agent assist: the resolved cases most like a case (full-text relevance, BM25) and a suggested reply built
 * from the best-matching knowledge article or, failing one, the best similar case's resolution, filled with the
 * case's facts (customer, order and its tracking). The form of a case's task shows both; the draft offered is kept
 * and compared with the reply the agent sends, counted in casedesk_suggested_replies_total{use}.
 */
@Service
public class AgentAssist {

    private static final Logger log = LoggerFactory.getLogger(AgentAssist.class);

    /** How many similar cases an agent sees. */
    public static final int SHOWN = 5;

    /** Hits read from the index per case shown: some may since have been reopened or merged. */
    private static final int CANDIDATES_PER_SHOWN = 3;

    /** What a case's task shows of the assist, as plain text for read-only fields. */
    public record TaskAssist(String similarCasesText, String suggestedReply) {

        static final TaskAssist UNAVAILABLE = new TaskAssist("(not available right now)", "");
    }

    private final CaseTexts texts;
    private final CaseIndex index;
    private final KnowledgeBase knowledge;
    private final OrderService orders;
    private final Drafts drafts;
    private final AssistProperties properties;
    private final Clock clock;
    private final Map<DraftUse, Counter> uses = new EnumMap<>(DraftUse.class);

    AgentAssist(
            CaseTexts texts,
            CaseIndex index,
            KnowledgeBase knowledge,
            OrderService orders,
            Drafts drafts,
            AssistProperties properties,
            Clock clock,
            MeterRegistry registry) {
        this.texts = texts;
        this.index = index;
        this.knowledge = knowledge;
        this.orders = orders;
        this.drafts = drafts;
        this.properties = properties;
        this.clock = clock;
        for (DraftUse use : DraftUse.values()) {
            uses.put(
                    use,
                    Counter.builder("casedesk.suggested.replies")
                            .description("Agents' replies by what they made of the suggested reply: unchanged, "
                                    + "light (at most 20 % edited), rewritten, none (no draft offered)")
                            .tag("use", use.wire())
                            .register(registry));
        }
    }

    /** The resolved or closed cases most like this one, best first: never itself, never a merged one. */
    @Transactional(readOnly = true)
    public List<SimilarCase> similar(String reference) {
        return similarTo(caseText(reference));
    }

    @Transactional(readOnly = true)
    public SuggestedReply suggestedReply(String reference) {
        CaseText c = caseText(reference);
        return suggestedReply(c, similarTo(c));
    }

    /**
     * What the case's task shows: the similar cases and a suggested reply, which is kept to compare with the reply the
     * agent sends. It never fails the task: when the assist cannot answer, the task says so.
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public TaskAssist forTask(String reference) {
        try {
            CaseText c = caseText(reference);
            List<SimilarCase> similar = similarTo(c);
            SuggestedReply draft = suggestedReply(c, similar);
            drafts.offered(reference, draft, clock.instant());
            return new TaskAssist(similarCasesText(similar), draft.text());
        } catch (RuntimeException e) {
            log.warn("No assist for {}: {}", reference, e.toString());
            return TaskAssist.UNAVAILABLE;
        }
    }

    /** Counts what the agent made of the draft, once the reply is committed; a failure here loses only a count. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void replied(AgentReplied reply) {
        try {
            DraftUse use = DraftUse.of(drafts.take(reply.reference()).orElse(null), reply.reply());
            uses.get(use).increment();
        } catch (RuntimeException e) {
            log.warn("Use of the suggested reply on {} not counted: {}", reply.reference(), e.toString());
        }
    }

    private CaseText caseText(String reference) {
        return texts.of(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    }

    private List<SimilarCase> similarTo(CaseText c) {
        List<Hit> hits = index.search(c.reference(), queryText(c), SHOWN * CANDIDATES_PER_SHOWN);
        Map<String, CaseText> now = texts.byReference(hits.stream().map(Hit::id).toList());
        return hits.stream()
                .filter(h -> now.containsKey(h.id()) && now.get(h.id()).settled())
                .limit(SHOWN)
                .map(h -> {
                    CaseText s = now.get(h.id());
                    return new SimilarCase(
                            s.reference(),
                            s.subject(),
                            s.resolution(),
                            s.csat(),
                            Math.round(h.score() * 1000) / 1000.0);
                })
                .toList();
    }

    private SuggestedReply suggestedReply(CaseText c, List<SimilarCase> similar) {
        Optional<Source> source = knowledge
                .bestMatch(queryText(c), properties.articleMinMatch())
                .<Source>map(m -> articleSource(m.article()))
                .or(() -> similar.stream()
                        .filter(s -> s.resolution() != null && !s.resolution().isBlank())
                        .findFirst()
                        .map(s -> new CaseSource(s.reference(), s.resolution())));
        var facts = new Facts(c.customerName(), c.subject(), c.orderId(), orders.find(c.orderId()));
        return ReplyDrafter.draft(facts, source);
    }

    private ArticleSource articleSource(Article article) {
        String first = article.body().strip().split("\\R\\s*\\R", 2)[0];
        return new ArticleSource(article.publicId(), article.title(), first, knowledge.url(article));
    }

    private static String queryText(CaseText c) {
        return c.subject() + "\n" + c.description() + "\n" + String.join("\n", c.messages());
    }

    static String similarCasesText(List<SimilarCase> similar) {
        if (similar.isEmpty()) {
            return "(no similar resolved case yet)";
        }
        return similar.stream()
                .map(s -> "%s · %s · CSAT %s · score %.1f%n  Resolution: %s"
                        .formatted(
                                s.reference(),
                                s.subject(),
                                s.csat() == null ? "–" : s.csat() + "/5",
                                s.score(),
                                s.resolution() == null ? "" : s.resolution().strip()))
                .collect(Collectors.joining("\n"));
    }
}
