package io.casedesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The fields a person can fill in on each user task's form: the form's fields that are not disabled or read-only.
 * A process's ModelContract must name exactly these as the task's answers, or the guard would refuse a form's
 * own submission (or accept more than the form asks).
 */
public final class FormAnswers {

    private FormAnswers() {}

    /** User task id → the editable fields of its form (camunda:formRef into forms/). */
    public static Map<String, Set<String>> of(Path bpmn) throws IOException {
        var answers = new TreeMap<String, Set<String>>();
        for (UserTask task : Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(UserTask.class)) {
            String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (form != null) {
                answers.put(task.getId(), editableFieldsOf(Path.of("forms", form + ".form")));
            }
        }
        return answers;
    }

    public static Set<String> editableFieldsOf(Path form) throws IOException {
        var fields = new TreeSet<String>();
        collect(new ObjectMapper().readTree(Files.readString(form)), fields);
        return fields;
    }

    private static void collect(JsonNode node, Set<String> fields) {
        for (JsonNode component : node.path("components")) {
            boolean shownOnly = component.path("disabled").asBoolean(false)
                    || component.path("readonly").asBoolean(false);
            if (component.hasNonNull("key") && !shownOnly) {
                fields.add(component.get("key").asText());
            }
            collect(component, fields);
        }
    }
}
