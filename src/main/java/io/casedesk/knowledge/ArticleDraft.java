package io.casedesk.knowledge;

import java.util.List;

/** What the knowledge team writes for an article (title, body, tags), as a prevention ticket's answer. */
public record ArticleDraft(String title, String body, List<String> tags) {}
