package io.casedesk.mail;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

    /**
     * An engine of its own for mail templates: *.html in HTML mode (th:text escapes what customers and agents
     * wrote), *.txt in TEXT mode. Values are only ever output, never evaluated.
     */
    @Bean
    TemplateEngine mailTemplates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
