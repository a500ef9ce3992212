package io.casedesk.prevention.process;

/** Names of the prevention-ticket process. */
final class PreventionTicketProcess {

    static final String KEY = "prevention-ticket";
    static final String TASK_PREVENTION = "Task_Prevention";

    static final String TICKET_ID = "ticketId";
    static final String TAG = "tag";
    static final String ACTION = "action";
    static final String NOTE = "preventionNote";
    static final String LINKED_CASES = "linkedCases";
    /** The knowledge team's optional article (title, text, comma-separated tags). */
    static final String ARTICLE_TITLE = "articleTitle";

    static final String ARTICLE_BODY = "articleBody";
    static final String ARTICLE_TAGS = "articleTags";

    private PreventionTicketProcess() {}

    static String businessKey(long ticketId) {
        return "PREV-" + ticketId;
    }
}
