package io.casedesk;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * /engine-rest (and the webapps) look the engine up by its name, "default", in a registry of the JVM, where the
 * engine of each Spring context registers when the context starts, and unregisters the name when it closes. With
 * several cached contexts in the test JVM (the end-to-end one, the security suite's, the dev-mail one) the name
 * points at whichever started or closed last: before each class, it is given back to the engine of the class's own
 * context, so its HTTP calls reach its own engine and database.
 * <p>
 * Tasklist, Cockpit, Admin and Welcome keep their runtime (which caches a query executor per engine name) in one
 * static field each, set when a context's web server starts and cleared when any one stops: after the dev-mail
 * context has closed, every webapp page answered 500. Before each class they get a fresh runtime, which finds the
 * class's engine by the name above.
 */
public class ContextProcessEngine implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ProcessEngines.registerProcessEngine(
                SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
        Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
        Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
        Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
        Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
}
