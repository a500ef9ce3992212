package io.casedesk.supportcase;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.TagVocabulary;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaTarget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the agents' work on a case means for the case and its SLA clock, in one place: cases and sla do not know
 * each other's steps (sla reads cases, never the other way), so the flow, which drives both, says what goes with
 * what. Its delegates each call one method here.
 */
@Service
@Transactional
class CaseWork {

    private final CaseService cases;
    private final SlaClock slaClock;
    private final TagVocabulary vocabulary;

    CaseWork(CaseService cases, SlaClock slaClock, TagVocabulary vocabulary) {
        this.cases = cases;
        this.slaClock = slaClock;
        this.vocabulary = vocabulary;
    }

    /** The agent's answer: on the case's timeline; a reply to the customer meets the first-response target. */
    void answered(String reference, String agent, String outcome, String reply) {
        cases.recordAgentReply(reference, agent, outcome, reply);
        if (reply != null) {
            slaClock.met(reference, SlaTarget.RESPONSE);
        }
    }

    /** The case is resolved with these tags (comma-separated, from the vocabulary): the resolution target is met. */
    void resolved(String reference, String resolution, String tags, boolean knowledgeGap) {
        cases.recordResolution(reference, resolution, vocabulary.parse(tags), knowledgeGap);
        slaClock.met(reference, SlaTarget.RESOLUTION);
    }

    /** "Still broken": a repeat failure; the resolution clock runs again. */
    void reopened(String reference) {
        cases.recordReopen(reference, "still broken");
        slaClock.reopened(reference);
    }

    /** The case moves one level up, to the group the escalation table chose; gives the new level. */
    int escalated(String reference, String group, int level, String trigger, boolean managerNotified) {
        int next = level + 1;
        cases.recordEscalation(reference, group, next, trigger, managerNotified);
        return next;
    }
}
