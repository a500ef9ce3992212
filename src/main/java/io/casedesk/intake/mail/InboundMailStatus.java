package io.casedesk.intake.mail;

import java.util.Locale;

/** What became of an inbound mail (column inbound_mail.status). */
enum InboundMailStatus {
    /** Claimed by the transaction that handles it; never visible once that transaction ends. */
    PROCESSING,
    CASE_OPENED,
    REPLY_ADDED,
    /** Mentions a case but does not come from its customer: on the timeline, no effect on the flow. */
    REPLY_FROM_OTHER_SENDER,
    AUTO_REPLY_IGNORED,
    BOUNCE_IGNORED,
    UNPARSEABLE,
    /** Processing failed; tried again on the next polls until the attempts are spent, then kept as it is. */
    FAILED;

    String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static InboundMailStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
