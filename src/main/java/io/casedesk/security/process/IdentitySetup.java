package io.casedesk.security.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates, when missing, the groups of DESIGN.md with their authorizations, the Tasklist filters, and in the dev
 * profile the demo users of API.md (password = user id). Idempotent: it runs at every start.
 */
@Component
class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    /** Demo users of API.md: id → groups. */
    private static final Map<String, List<String>> DEMO_USERS = demoUsers();

    /** The task-local variable the support-case flow sets while a task's next deadline is less than 2 h away. */
    static final String BREACHING_SOON = "breachingSoon";

    /**
     * What each card shows (name, label), set on every case task by the support-case flow; the follow-up date on
     * the card is the next deadline, so Tasklist shows the time left beside it.
     */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "reference", "label", "Case"),
            Map.of("name", "priority", "label", "Priority"),
            Map.of("name", "customerName", "label", "Customer"),
            Map.of("name", "channel", "label", "Channel"),
            Map.of("name", "nextDeadlineText", "label", "Next deadline"));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final boolean demoUsers;

    IdentitySetup(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            IdentitySettings settings) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.demoUsers = settings.demoUsers();
    }

    @EventListener(ApplicationStartedEvent.class)
    void setUp() {
        Groups.ALL.forEach(this::ensureGroup);
        grantAuthorizations();
        ensureFilters();
        if (demoUsers) {
            DEMO_USERS.forEach(this::ensureDemoUser);
            log.warn(
                    "Demo users created with password = user id (profile dev). Never use the dev profile in production.");
        }
    }

    private void grantAuthorizations() {
        // camunda-admin may do everything, as Camunda's own admin-user set-up grants it; without these grants the
        // group's members could open Admin but not create users, filters or deployments
        ensureGroup(Groups.ADMIN);
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String group : Groups.TASK_WORKERS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        for (String group : Groups.AGENTS) {
            // agents open phone cases from Tasklist's start form
            grant(group, Resources.PROCESS_DEFINITION, "support-case", Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // managers read every case in Cockpit, but deploy nothing
        grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(
                Groups.MANAGERS,
                Resources.PROCESS_DEFINITION,
                ANY,
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                Permissions.READ_TASK);
        grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // process owners change the policy: they deploy models (Modeler deploys through /engine-rest)
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(
                Groups.PROCESS_OWNERS,
                Resources.PROCESS_DEFINITION,
                ANY,
                Permissions.READ,
                Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    }

    /**
     * Tasklist filters per group, readable by that group only. They name the group instead of using
     * ${currentUserGroups()}, because expressions in stored queries stay disabled (Camunda security guide); for the
     * same reason "Breaching soon" lists the tasks marked breachingSoon (the flow marks a task when its next deadline
     * comes within two hours) instead of comparing the follow-up date with "now + 2 h". Every filter puts P1 and VIP
     * first (task priority), then the least time left (follow-up date = next deadline, then due date), and shows on
     * each card the variables an agent scans.
     */
    private void ensureFilters() {
        int order = 0;
        for (String group : Groups.TASK_WORKERS) {
            ensureFilter(
                    group,
                    "Cases (" + group + ")",
                    order++,
                    byUrgency(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()));
            ensureFilter(
                    group,
                    "Breaching soon (" + group + ")",
                    order++,
                    byUrgency(tasks.createTaskQuery()
                            .taskCandidateGroup(group)
                            .includeAssignedTasks()
                            .taskVariableValueEquals(BREACHING_SOON, true)));
        }
        for (String group : List.of(Groups.TIER2, Groups.SPECIALISTS)) {
            ensureFilter(
                    group,
                    "Escalated (" + group + ")",
                    order++,
                    byUrgency(tasks.createTaskQuery()
                            .taskCandidateGroup(group)
                            .taskDefinitionKey("Task_Escalated")
                            .includeAssignedTasks()));
        }
    }

    private static TaskQuery byUrgency(TaskQuery query) {
        return query.orderByTaskPriority()
                .desc()
                .orderByFollowUpDate()
                .asc()
                .orderByDueDate()
                .asc();
    }

    /** Creates the filter, or brings one of an earlier version up to date: its query, its order and its cards. */
    private void ensureFilter(String group, String name, int order, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(
                Map.of("priority", order, "description", name, "refresh", true, "variables", CARD_VARIABLES));
        filters.saveFilter(filter);
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            var group = identity.newGroup(id);
            group.setName(id);
            group.setType(Groups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureDemoUser(String id, List<String> groups) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            var user = identity.newUser(id);
            user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
            user.setLastName("Demo");
            user.setEmail(id + "@casedesk.local");
            user.setPassword(id);
            // password = user id breaks the password policy on purpose (API.md); only the dev profile gets here,
            // and every other user (Admin, /engine-rest) is held to the policy
            ((IdentityServiceImpl) identity).saveUser(user, true);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    ensureGroup(group);
                }
                identity.createMembership(id, group);
            }
        }
    }

    /**
     * Grants the permissions to the group on the resource, adding what is missing to a grant the group already has:
     * one group may be given a resource by several lines above (managers are task workers too), and the engine keeps
     * one grant per group and resource.
     */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        var authorization = authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (java.util.Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private static Map<String, List<String>> demoUsers() {
        var users = new LinkedHashMap<String, List<String>>();
        users.put("demo", List.of(Groups.ADMIN));
        users.put("alice", List.of(Groups.TIER1));
        users.put("bob", List.of(Groups.TIER2));
        users.put("sam", List.of(Groups.SPECIALISTS));
        users.put("maria", List.of(Groups.MANAGERS));
        users.put("otto", List.of(Groups.OPS));
        users.put("kim", List.of(Groups.KNOWLEDGE));
        users.put("ivy", List.of(Groups.INTEGRATIONS));
        users.put("paul", List.of(Groups.PROCESS_OWNERS));
        return users;
    }
}
