package io.casedesk.cases;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A listener of a customer's answer (an event of cases or survey) throws this when the case no longer waits for
 * that answer: the survey closed, the confirmation timed out, the case is not waiting on the customer. The feature
 * that published the answer catches it and knows the answer was not taken up. Thrown after the engine's command,
 * so it marks nothing for rollback by itself.
 */
public class AnswerNotAwaitedException extends RuntimeException {

    public AnswerNotAwaitedException(String reference, String answer) {
        super("Case " + reference + " does not wait for " + answer);
    }

    /** Publishes the customer's answer; whether a flow of the case took it up. */
    public static boolean takenUp(ApplicationEventPublisher events, Object answer) {
        try {
            events.publishEvent(answer);
            return true;
        } catch (AnswerNotAwaitedException e) {
            return false;
        }
    }
}
