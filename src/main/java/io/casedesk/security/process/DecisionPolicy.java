package io.casedesk.security.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which decision tables may be deployed or simulated: FEEL only (JUEL and scripts in a DMN file run with the
 * engine's rights; a FEEL table cannot leave its variables), and only the FEEL that {@link FeelPolicy} allows.
 * Reads the XML itself, so every element that names an expression language is seen, whatever DMN version.
 */
public final class DecisionPolicy {

    private static final Set<String> FEEL_NAMES = Set.of("feel", "feel-scala", "feel-scala-untyped");
    private static final Pattern FEEL_URI =
            Pattern.compile("https?://www\\.omg\\.org/spec/(feel|dmn)/\\d+(/feel)?/?", Pattern.CASE_INSENSITIVE);
    /** Elements whose text is unary tests ("< 5, > 10"); other texts are expressions. */
    private static final Set<String> UNARY_TESTS = Set.of("inputEntry", "inputValues", "outputValues", "allowedValues");

    private DecisionPolicy() {}

    /** What is not allowed in this DMN file; empty when it may be used. A file that is no XML yields no problem. */
    public static Set<String> problems(byte[] dmn) {
        var problems = new LinkedHashSet<String>();
        Deque<String> elements = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader xml = ModelXml.reader(dmn);
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        elements.push(xml.getLocalName());
                        text.setLength(0);
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            if ("expressionLanguage".equals(xml.getAttributeLocalName(i))
                                    && !isFeel(xml.getAttributeValue(i))) {
                                problems.add("expressionLanguage=\"" + xml.getAttributeValue(i)
                                        + "\" is not allowed: decision tables are FEEL only");
                            }
                        }
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA -> text.append(xml.getText());
                    case XMLStreamReader.END_ELEMENT -> {
                        String element = elements.pop();
                        if ("text".equals(element)
                                && !elements.isEmpty()
                                && !text.toString().isBlank()) {
                            String owner = elements.peek();
                            Set<String> found = UNARY_TESTS.contains(owner)
                                    ? FeelPolicy.problemsOfUnaryTests(text.toString())
                                    : FeelPolicy.problemsOfExpression(text.toString());
                            found.forEach(p ->
                                    problems.add(p + " is not allowed in FEEL here: " + abbreviate(text.toString())));
                        }
                        text.setLength(0);
                    }
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            // not well-formed: the DMN parser reports it with its line and column
        }
        return problems;
    }

    private static boolean isFeel(String language) {
        String value = language.strip();
        return FEEL_NAMES.contains(value.toLowerCase(Locale.ROOT))
                || FEEL_URI.matcher(value).matches();
    }

    static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
