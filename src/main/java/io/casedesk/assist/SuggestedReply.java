package io.casedesk.assist;

import java.util.List;

/**
 * A draft answer for the agent: the text, and where it came from (a case reference or a knowledge article's id).
 * Empty text and no sources when nothing matched.
 */
public record SuggestedReply(String text, List<String> sources) {}
