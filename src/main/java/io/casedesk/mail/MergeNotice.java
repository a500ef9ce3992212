package io.casedesk.mail;

import io.casedesk.cases.CasesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The customer of a merged case is told once, in the merge's transaction, where their request continues. */
@Component
class MergeNotice {

    private final MailService mail;

    MergeNotice(MailService mail) {
        this.mail = mail;
    }

    @EventListener
    void tellCustomer(CasesMerged merged) {
        mail.queue(merged.reference(), MailKind.MERGED);
    }
}
