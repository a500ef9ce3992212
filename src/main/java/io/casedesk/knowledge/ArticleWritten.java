package io.casedesk.knowledge;

/** An article was created or changed; the search index takes it once the transaction has committed. */
record ArticleWritten(long id) {}
