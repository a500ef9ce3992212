package io.casedesk.survey;

import io.casedesk.cases.CaseFlow;
import io.casedesk.cases.CaseService;
import io.casedesk.mail.CustomerLinks;
import io.casedesk.survey.CustomerTokens.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** The customer's answers through the links in our mails: is it fixed, and how satisfied are they. */
@Service
@Transactional
public class FeedbackService implements CustomerLinks {

    private static final Duration LINK_VALIDITY = Duration.ofDays(30);

    private final CustomerTokens tokens;
    private final CaseService cases;
    private final CaseFlow flow;
    private final Clock clock;
    private final String publicUrl;

    FeedbackService(CustomerTokens tokens, CaseService cases, CaseFlow flow, Clock clock,
                    @Value("${casedesk.public-url}") String publicUrl) {
        this.tokens = tokens;
        this.cases = cases;
        this.flow = flow;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Override
    public String resolutionLink(long caseId) {
        return publicUrl + "/resolution/" + tokens.issue(caseId, Purpose.RESOLUTION, clock.instant(), LINK_VALIDITY);
    }

    @Override
    public String surveyLink(long caseId) {
        return publicUrl + "/survey/" + tokens.issue(caseId, Purpose.SURVEY, clock.instant(), LINK_VALIDITY);
    }

    /** The subject of the case a link is for, or empty when the link is unknown, used or expired. */
    @Transactional(readOnly = true)
    public Optional<String> subjectFor(String token, boolean survey) {
        return tokens.peek(token, survey ? Purpose.SURVEY : Purpose.RESOLUTION, clock.instant())
                .map(claim -> cases.get(claim.reference()).subject());
    }

    /** Records the customer's answer to the resolution; false when the link is not (or no longer) valid. */
    public boolean answerResolution(String token, boolean fixed) {
        return tokens.redeem(token, Purpose.RESOLUTION, clock.instant())
                .map(claim -> flow.resolutionAnswered(claim.reference(), fixed))
                .orElse(false);
    }

    /** Records a CSAT answer (1-5); false when the link is not (or no longer) valid. */
    public boolean answerSurvey(String token, int score, String comment) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be between 1 and 5");
        }
        return tokens.redeem(token, Purpose.SURVEY, clock.instant()).map(claim -> {
            // the score is stored first: the recovery task the flow may open shows it
            cases.recordCsat(claim.reference(), score, comment);
            boolean taken = flow.surveyAnswered(claim.reference(), score);
            if (!taken) {
                // the survey has closed meanwhile: keep nothing of this answer
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            }
            return taken;
        }).orElse(false);
    }
}
