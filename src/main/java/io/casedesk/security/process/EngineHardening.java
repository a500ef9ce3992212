package io.casedesk.security.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Closes the engine to code from people: expressions see casedesk's beans only, behind a guard; every new deployment
 * passes the {@link DeploymentPolicy}; every person's command passes the {@link UserCommandGuard}; history is written
 * without customer details ({@link CustomerDataHistory} in place of the default database handler). The Camunda
 * starter applies every ProcessEnginePlugin bean.
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final List<ModelContract> contracts;

    EngineHardening(ApplicationContext context, List<ModelContract> contracts) {
        this.context = context;
        this.contracts = contracts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var beans = new ModelBeans(context);
        configuration.setBeans(beans.asMap());
        configuration.setExpressionManager(new GuardedExpressionManager(context, beans.asMap()));
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new CustomerDataHistory(contracts));

        var deployers = new ArrayList<Deployer>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(new DeploymentPolicy(new ExpressionPolicy(beans), ownProcesses()));
        configuration.setCustomPreDeployers(deployers);

        var guard = new UserCommandGuard(contracts, configuration);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), guard));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, UserCommandGuard guard) {
        var all = new ArrayList<CommandInterceptor>();
        all.add(guard);
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }

    /** The processes casedesk ships (bpmn/*.bpmn): only they may start on a timer, message, signal or condition. */
    private Set<String> ownProcesses() {
        var keys = new TreeSet<String>();
        try {
            for (Resource model :
                    new PathMatchingResourcePatternResolver(context).getResources("classpath*:bpmn/*.bpmn")) {
                try (InputStream in = model.getInputStream()) {
                    XMLStreamReader xml = ModelXml.reader(in);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamReader.START_ELEMENT
                                && "process".equals(xml.getLocalName())
                                && DeploymentPolicy.BPMN.equals(xml.getNamespaceURI())) {
                            keys.add(xml.getAttributeValue(null, "id"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("A shipped model cannot be read", e);
        }
        return keys;
    }
}
