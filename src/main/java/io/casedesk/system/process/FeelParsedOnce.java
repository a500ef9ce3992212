package io.casedesk.system.process;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The process engine's decisions evaluate with {@link ParsedOnceFeelEngine}: the same FEEL, parsed once per
 * expression. The engine keeps a FEEL engine that is set before it builds its DMN engine, and adds its history
 * producer and the rest of its settings to that configuration as usual.
 */
@Component
class FeelParsedOnce extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        dmn.setFeelEngineFactory(ParsedOnceFeelEngine::new);
    }
}
