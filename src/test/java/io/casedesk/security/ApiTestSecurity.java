package io.casedesk.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.casedesk.security.process.CamundaIdentityAuthentication;
import io.casedesk.system.ProblemWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The real API security (HTTP basic against Camunda identity) for @WebMvcTest slices, with one account per
 * group of API.md on a mocked IdentityService (mock it with Answers.RETURNS_DEEP_STUBS), and the API's problem
 * writer, which a slice does not scan.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, CamundaIdentityAuthentication.class, ProblemWriter.class})
public class ApiTestSecurity {

    private static final Map<String, List<String>> ACCOUNTS = Map.ofEntries(
            Map.entry("ivy", List.of("integrations")),
            Map.entry("phonebot", List.of("integrations")),
            Map.entry("alice", List.of("tier1")),
            Map.entry("bob", List.of("tier2")),
            Map.entry("sam", List.of("specialists")),
            Map.entry("maria", List.of("managers")),
            Map.entry("otto", List.of("ops")),
            Map.entry("kim", List.of("knowledge")),
            Map.entry("paul", List.of("process-owners")),
            Map.entry("demo", List.of("camunda-admin")),
            Map.entry("nobody", List.of()));

    /** Lets every account log in with {@code <user>-secret}. */
    public static void accounts(IdentityService identity) {
        ACCOUNTS.forEach((user, groups) -> {
            when(identity.checkPassword(user, secret(user))).thenReturn(true);
            List<Group> memberships = new ArrayList<>();
            groups.forEach(group -> memberships.add(new GroupEntity(group)));
            when(identity.createGroupQuery().groupMember(user).list()).thenReturn(memberships);
        });
    }

    public static String secret(String user) {
        return user + "-secret";
    }

    public static RequestPostProcessor as(String user) {
        return httpBasic(user, secret(user));
    }

    /** The answer is problem+json with the given status, a title and a detail, and shows no stack trace. */
    public static void problem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("\tat "))));
    }
}
