package io.casedesk.security.process;

import io.casedesk.system.DatabaseOutage;
import io.casedesk.system.DatabaseUnavailableException;
import jakarta.ws.rs.core.Response.Status;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command a person sends (through /engine-rest, Tasklist or Cockpit) passes here before the engine runs it:
 * <ul>
 * <li>a task is completed with its form's answer fields only, a process is started with its start form's fields
 * only and without a business key, and variables are never set, changed or removed one by one: the case a flow acts
 * on and the flow's own state (group, escalation level) are not a person's to write. camunda-admin is exempt.</li>
 * <li>Java-serialized values are refused for everybody.</li>
 * <li>what goes wrong is told without SQL: a database error shows as a reference to the server log, a database
 * that cannot be reached as {@link DatabaseUnavailableException} (503 with Retry-After on every way in).</li>
 * </ul>
 * Refusals are the REST API's InvalidRequestException (a RuntimeException the engine passes through unchanged), so
 * /engine-rest answers 400 or 403 instead of wrapping them in a 500. Only a person's outermost command is checked:
 * the commands the flow itself runs on the way (a mail job started by a completion) are the flow's.
 */
final class UserCommandGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(UserCommandGuard.class);
    private static final String ADMIN = "camunda-admin";
    private static final String JAVA_SERIALIZED = "application/x-java-serialized-object";
    private static final String POLICY_VIOLATION = "Password does not match policy";
    /** Commands that move flows or set variables on many of them at once. */
    private static final Set<String> SENT_BY_THE_FLOW = Set.of(
            "CorrelateMessageCmd",
            "CorrelateAllMessageCmd",
            "MessageEventReceivedCmd",
            "SignalEventReceivedCmd",
            "SignalCmd",
            "CorrelateAllMessageBatchCmd",
            "SetVariablesToProcessInstancesBatchCmd");

    private final List<ModelContract> contracts;
    private final ProcessEngineConfigurationImpl engine;

    UserCommandGuard(List<ModelContract> contracts, ProcessEngineConfigurationImpl engine) {
        this.contracts = List.copyOf(contracts);
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command);
        }
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        check(command, user);
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            throw clientFacing(e);
        }
    }

    private void check(Command<?> command, Authentication user) {
        Map<String, ?> variables = variablesOf(command);
        if (variables != null) {
            for (String name : variables.keySet()) {
                // typed access: a serialized object value cannot be read as an object before it is deserialized
                Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
                if (value instanceof SerializableValue serializable
                        && JAVA_SERIALIZED.equals(serializable.getSerializationDataFormat())) {
                    throw new InvalidRequestException(
                            Status.BAD_REQUEST,
                            "Variable " + name
                                    + ": Java-serialized values are not accepted; send JSON or a primitive type");
                }
            }
        }
        if (user == null || user.getGroupIds() != null && user.getGroupIds().contains(ADMIN)) {
            return;
        }
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            checkAnswer(field(command, "taskId"), variables == null ? Set.of() : variables.keySet());
        } else if (command instanceof AbstractSetVariableCmd
                || command instanceof AbstractPatchVariablesCmd
                || command instanceof AbstractRemoveVariableCmd) {
            throw new InvalidRequestException(
                    Status.FORBIDDEN,
                    "Variables are not set one by one: answer a task by " + "completing it with its form's fields");
        } else if (command instanceof StartProcessInstanceCmd start) {
            ProcessInstantiationBuilderImpl builder = field(start, "instantiationBuilder");
            checkStart(
                    builder.getProcessDefinitionKey(),
                    builder.getProcessDefinitionId(),
                    builder.getBusinessKey(),
                    builder.getVariables() == null
                            ? Set.of()
                            : builder.getVariables().keySet());
        } else if (command instanceof SubmitStartFormCmd start) {
            checkStart(
                    null,
                    field(start, "processDefinitionId"),
                    field(start, "businessKey"),
                    variables == null ? Set.of() : variables.keySet());
        } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            throw new InvalidRequestException(Status.FORBIDDEN, "Processes start at their start event");
        } else if (SENT_BY_THE_FLOW.contains(command.getClass().getSimpleName())) {
            // the customer's answers reach a flow through casedesk (links, API), never straight from a person
            throw new InvalidRequestException(
                    Status.FORBIDDEN, "Messages and signals are sent by casedesk, " + "not by people");
        }
    }

    private void checkAnswer(String taskId, Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        Task task;
        Set<String> local;
        try {
            TaskService tasks = engine.getTaskService();
            task = tasks.createTaskQuery().taskId(taskId).singleResult();
            local = task == null
                    ? Set.of()
                    : tasks.getVariablesLocalTyped(taskId, false).keySet();
        } catch (AuthorizationException e) {
            // the completion itself will be refused for the same reason
            return;
        }
        if (task == null) {
            return;
        }
        Set<String> answers = contracts.stream()
                .map(c -> c.taskAnswers().get(task.getTaskDefinitionKey()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(Set.of());
        // the form shows the task's own (task-local) copies of the case, and may send them back unchanged
        var refused = new TreeSet<String>();
        for (String name : names) {
            if (!answers.contains(name) && !local.contains(name)) {
                refused.add(name);
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(
                    Status.BAD_REQUEST,
                    "Task " + task.getTaskDefinitionKey() + " takes the answer fields " + new TreeSet<>(answers)
                            + " only; not " + refused);
        }
    }

    private void checkStart(String key, String definitionId, String businessKey, Set<String> names) {
        String process =
                key != null ? key : definitionId == null ? null : definitionId.split(":", 2)[0];
        Set<String> fields = contracts.stream()
                .map(c -> c.startForms().get(process))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (fields == null) {
            throw new InvalidRequestException(Status.FORBIDDEN, "Process " + process + " is not started by people");
        }
        if (businessKey != null && !businessKey.isBlank()) {
            throw new InvalidRequestException(
                    Status.BAD_REQUEST,
                    "A business key is not given: the case reference is made when the case is opened");
        }
        var refused = new TreeSet<>(names);
        refused.removeAll(fields);
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(
                    Status.BAD_REQUEST,
                    "Process " + process + " starts with the fields " + new TreeSet<>(fields) + " only; not "
                            + refused);
        }
    }

    /** The message a person may see: no SQL, no statement, no table; known mistakes as 400. */
    private static RuntimeException clientFacing(RuntimeException e) {
        if (e instanceof OptimisticLockingException || e instanceof InvalidRequestException) {
            return e;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidRequestException refused) {
                // a model's task listener refused the answer (the engine wraps what listeners throw)
                return refused;
            }
        }
        if (e instanceof ProcessEngineException && POLICY_VIOLATION.equals(e.getMessage())) {
            return new InvalidRequestException(
                    Status.BAD_REQUEST,
                    "The password does not match the password policy: "
                            + "at least 10 characters with upper- and lower-case letters, a digit and a special character");
        }
        if (e.getMessage() != null && e.getMessage().contains("Java serialization format is prohibited")) {
            return new InvalidRequestException(
                    Status.BAD_REQUEST, "Java-serialized values are not accepted; send JSON or a primitive type");
        }
        if (DatabaseOutage.isCause(e)) {
            // not this change's fault: the same command works once the database is back (503, Retry-After)
            return e instanceof DatabaseUnavailableException ? e : new DatabaseUnavailableException(e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Database error (reference {})", reference, e);
                return new ProcessEngineException("A database error stopped this change, nothing was saved "
                        + "(reference " + reference + " in the server log)");
            }
        }
        return e;
    }

    private static Map<String, ?> variablesOf(Command<?> command) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitStartFormCmd) {
            return field(command, "variables");
        }
        if (command instanceof SubmitTaskFormCmd) {
            return field(command, "properties");
        }
        if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd) {
            return field(command, "variables");
        }
        if (command instanceof StartProcessInstanceCmd start) {
            ProcessInstantiationBuilderImpl builder = field(start, "instantiationBuilder");
            return builder.getVariables();
        }
        return null;
    }

    /**
     * The engine's commands keep what they were given in protected fields, without getters; reading them is the
     * price of checking every way in at one place. A renamed field fails loudly here (and in the security suite).
     */
    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                "No field " + name + " in " + command.getClass().getName());
    }
}
