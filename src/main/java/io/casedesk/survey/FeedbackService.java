package io.casedesk.survey;

import io.casedesk.cases.AnswerNotAwaitedException;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.ResolutionAnswered;
import io.casedesk.mail.CustomerLinks;
import io.casedesk.survey.CustomerTokens.Purpose;
import io.casedesk.system.PublicUrl;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The customer's answers through the links in our mails: is it fixed, and how satisfied are they.
 * <p>
 * The case's flow learns of each answer from an event (ResolutionAnswered, SurveyAnswered, SurveyCommented),
 * published synchronously in this transaction. When the flow no longer waits for the answer, its listener throws
 * {@link AnswerNotAwaitedException}: the answer then counts as not taken.
 */
@Service
@Transactional
public class FeedbackService implements CustomerLinks {

    public static final int MAX_COMMENT_LENGTH = 2000;

    private static final Duration LINK_VALIDITY = Duration.ofDays(30);

    private final CustomerTokens tokens;
    private final CaseService cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PublicUrl publicUrl;

    FeedbackService(
            CustomerTokens tokens,
            CaseService cases,
            ApplicationEventPublisher events,
            Clock clock,
            PublicUrl publicUrl) {
        this.tokens = tokens;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * What a survey link shows: the case's subject and, once the customer has scored, the score (null while the
     * survey is open). {@code recordedNow} tells whether this very request recorded the score.
     */
    public record Survey(String subject, Integer score, boolean recordedNow) {

        public boolean scored() {
            return score != null;
        }
    }

    @Override
    public String resolutionLink(long caseId) {
        return publicUrl.base() + "/resolution/"
                + tokens.issue(caseId, Purpose.RESOLUTION, clock.instant(), LINK_VALIDITY);
    }

    @Override
    public String surveyLink(long caseId) {
        return publicUrl.base() + "/survey/" + tokens.issue(caseId, Purpose.SURVEY, clock.instant(), LINK_VALIDITY);
    }

    @Override
    public SurveyLinks surveyLinks(long caseId) {
        String page = surveyLink(caseId);
        return new SurveyLinks(
                page,
                IntStream.rangeClosed(1, 5)
                        .mapToObj(score -> page + "?score=" + score)
                        .toList());
    }

    /** The subject of the case a link is for, or empty when the link is unknown, used or expired. */
    @Transactional(readOnly = true)
    public Optional<String> subjectFor(String token, boolean survey) {
        return tokens.peek(token, survey ? Purpose.SURVEY : Purpose.RESOLUTION, clock.instant())
                .map(cases::referenceOf)
                .map(this::subjectOf);
    }

    /** The survey a link is for, open or already scored; empty when the link is unknown, used up or expired. */
    @Transactional(readOnly = true)
    public Optional<Survey> survey(String token) {
        var now = clock.instant();
        return tokens.peek(token, Purpose.SURVEY, now)
                .map(cases::referenceOf)
                .map(reference -> new Survey(subjectOf(reference), null, false))
                .or(() -> tokens.peek(token, Purpose.SURVEY_COMMENT, now)
                        .map(cases::referenceOf)
                        .map(this::scoredSurvey));
    }

    /** Records the customer's answer to the resolution; false when the link is not (or no longer) valid. */
    public boolean answerResolution(String token, boolean fixed) {
        return tokens.redeem(token, Purpose.RESOLUTION, clock.instant())
                .map(cases::referenceOf)
                .map(reference -> AnswerNotAwaitedException.takenUp(events, new ResolutionAnswered(reference, fixed)))
                .orElse(false);
    }

    /** Records a CSAT answer (1-5) with an optional comment; false when the link is not (or no longer) valid. */
    public boolean answerSurvey(String token, int score, String comment) {
        checkScore(score);
        checkComment(comment);
        return tokens.redeem(token, Purpose.SURVEY, clock.instant())
                .map(cases::referenceOf)
                .map(reference -> recordScore(reference, score, blankToNull(comment)))
                .orElse(false);
    }

    /**
     * A one-click score link from the survey mail. The first click on a link records the score and moves the flow
     * on; the link then only takes a comment, so a later click (or another score link of the same mail) shows the
     * score already recorded and records nothing. Empty when the link is unknown, used up, expired or the survey
     * has closed.
     */
    public Optional<Survey> scoreByLink(String token, int score) {
        checkScore(score);
        var now = clock.instant();
        Optional<String> first = tokens.advance(token, Purpose.SURVEY, Purpose.SURVEY_COMMENT, now)
                .map(cases::referenceOf);
        if (first.isPresent()) {
            String reference = first.get();
            return recordScore(reference, score, null)
                    ? Optional.of(new Survey(subjectOf(reference), score, true))
                    : Optional.empty();
        }
        return tokens.peek(token, Purpose.SURVEY_COMMENT, now)
                .map(cases::referenceOf)
                .map(this::scoredSurvey);
    }

    /**
     * The optional comment after a one-click score; uses the link up. A blank comment stores nothing. False when
     * the link is not (or no longer) waiting for a comment.
     */
    public boolean addSurveyComment(String token, String comment) {
        checkComment(comment);
        return tokens.redeem(token, Purpose.SURVEY_COMMENT, clock.instant())
                .map(cases::referenceOf)
                .map(reference -> {
                    if (comment != null && !comment.isBlank()) {
                        cases.addCsatComment(reference, comment.strip());
                        events.publishEvent(new SurveyCommented(reference, comment.strip()));
                    }
                    return true;
                })
                .orElse(false);
    }

    private boolean recordScore(String reference, int score, String comment) {
        // the score is stored first: the recovery task the flow may open shows it
        cases.recordCsat(reference, score, comment);
        boolean taken = AnswerNotAwaitedException.takenUp(events, new SurveyAnswered(reference, score));
        if (!taken) {
            // the survey has closed meanwhile: keep nothing of this answer, the token included
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return taken;
    }

    private Survey scoredSurvey(String reference) {
        var c = cases.get(reference);
        return new Survey(c.subject(), c.csat(), false);
    }

    private String subjectOf(String reference) {
        return cases.get(reference).subject();
    }

    private static void checkScore(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be between 1 and 5");
        }
    }

    private static void checkComment(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("comment longer than " + MAX_COMMENT_LENGTH + " characters");
        }
    }

    private static String blankToNull(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
