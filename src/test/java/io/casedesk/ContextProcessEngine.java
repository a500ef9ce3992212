package io.casedesk;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * /engine-rest (and the webapps) look the engine up by its name, "default", in a registry of the JVM, where the
 * engine of each Spring context registers when the context starts, and unregisters the name when it closes. With
 * several cached contexts in the test JVM (the end-to-end one, the security suite's, the dev-mail one) the name
 * points at whichever started or closed last: before each class, it is given back to the engine of the class's own
 * context, so its HTTP calls reach its own engine and database.
 */
public class ContextProcessEngine implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ProcessEngines.registerProcessEngine(
                SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }
}
