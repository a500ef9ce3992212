package io.casedesk.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The controlled vocabulary of closing tags (casedesk.tags.vocabulary).
 *
 * @param vocabulary the tags agents may close a case with; reporting and prevention tickets group by them
 */
@ConfigurationProperties("casedesk.tags")
public record TagVocabulary(List<String> vocabulary) {

    /** Parses the agent's comma-separated tags; every tag must be in the vocabulary, at least one is needed. */
    public List<String> parse(String commaSeparated) {
        List<String> tags = commaSeparated == null
                ? List.of()
                : Arrays.stream(commaSeparated.split(","))
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList();
        if (tags.isEmpty()) {
            throw new InvalidTagsException("Give at least one tag from: " + String.join(", ", vocabulary));
        }
        List<String> unknown =
                tags.stream().filter(t -> !vocabulary.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidTagsException(
                    "Unknown tag(s) " + String.join(", ", unknown) + "; use: " + String.join(", ", vocabulary));
        }
        return tags;
    }

    public static class InvalidTagsException extends RuntimeException {
        public InvalidTagsException(String message) {
            super(message);
        }
    }
}
