package io.casedesk.system;

import io.casedesk.system.devmail.DevPage;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /}: where each person goes (agents, managers, process owners, ops, integrations, admins), and in dev the mail
 * and webhook sinks and the demo users. Public and the same for everyone: it holds no case or customer data, only
 * addresses, so a person who has not logged in yet learns where to. Rendered on the server, under the strict CSP of
 * our own pages (no script at all).
 */
@Controller
class LandingPage {

    private final ObjectProvider<DevPage> devPages;
    private final Environment environment;
    private final PublicUrl publicUrl;

    LandingPage(ObjectProvider<DevPage> devPages, Environment environment, PublicUrl publicUrl) {
        this.devPages = devPages;
        this.environment = environment;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/")
    ModelAndView landing() {
        var page = new ModelAndView("landing");
        page.addObject("devPages", devPages.orderedStream().toList());
        // the demo users exist exactly when security's switch is on; read by name, as system knows no feature
        page.addObject("demoUsers", environment.getProperty("casedesk.security.demo-users", Boolean.class, false));
        page.addObject("demoUserList", DEMO_USERS);
        page.addObject("engineRest", publicUrl.base() + "/engine-rest");
        return page;
    }

    /** API.md's demo identities (profile dev only; password = user id), for the dev section. */
    record DemoUser(String id, String groups, String goesTo) {}

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("alice", "tier1", "Tasklist: first-level cases; opens phone cases"),
            new DemoUser("bob", "tier2", "Tasklist: escalated cases"),
            new DemoUser("sam", "specialists", "Tasklist: cases escalated to specialists"),
            new DemoUser("maria", "managers", "dashboard, Cockpit, CSAT recovery tasks"),
            new DemoUser("otto", "ops", "Tasklist: trend reviews and proactive mails"),
            new DemoUser("kim", "knowledge", "Tasklist: prevention tickets"),
            new DemoUser("paul", "process-owners", "Cockpit and Modeler deployments"),
            new DemoUser("ivy", "integrations", "the API (/api/cases)"),
            new DemoUser("demo", "camunda-admin", "everything, Admin included"));
}
