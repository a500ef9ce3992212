package io.casedesk.system.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A person's invalid form input (a task completed with a bad answer: FormFieldValidationException) is their mistake,
 * not the server's: the command is rolled back and the person told (/engine-rest answers 400, Tasklist shows it at the
 * form). The engine logs every failed command at ERROR with a stack trace; this logs such a refusal as one WARN line
 * instead, and leaves the engine's own line at DEBUG. Every other failure keeps the engine's ERROR.
 */
@Component
class InvalidInputLogging extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(InvalidInputLogging.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var contexts = new QuietOnInvalidInput();
        // the engine gives its configuration only to a factory it creates itself
        contexts.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(contexts);
        var interceptors = new ArrayList<CommandInterceptor>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new WarnOnInvalidInput());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Command contexts that log invalid input where the engine logs an optimistic-locking failure: at DEBUG. */
    static final class QuietOnInvalidInput extends CommandContextFactory {

        @Override
        public CommandContext createCommandContext() {
            return new CommandContext(processEngineConfiguration) {
                @Override
                protected boolean shouldLogFine(Throwable exception) {
                    return exception instanceof FormFieldValidationException || super.shouldLogFine(exception);
                }
            };
        }
    }

    /** One WARN per refused command: only the outermost command logs, a nested one passes the exception up. */
    static final class WarnOnInvalidInput extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            boolean outermost = Context.getCommandContext() == null;
            try {
                return next.execute(command);
            } catch (FormFieldValidationException invalid) {
                if (outermost) {
                    log.warn(
                            "Refused invalid input ({}): {}", command.getClass().getSimpleName(), invalid.getMessage());
                }
                throw invalid;
            }
        }
    }
}
