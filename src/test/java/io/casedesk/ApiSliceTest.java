package io.casedesk;

import io.casedesk.assist.AgentAssist;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CustomerMessages;
import io.casedesk.intake.IntakeService;
import io.casedesk.knowledge.KnowledgeBase;
import io.casedesk.orders.OrderService;
import io.casedesk.security.ApiTestSecurity;
import io.casedesk.trends.Trends;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.mockito.Answers;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The one Spring context of the API controller tests: a web slice with the API's controllers (POST /api/cases,
 * the /api/cases reads and messages, /api/orders, GET /api/trends, the assist and /api/kb), the real security chain (HTTP basic against a mocked Camunda identity, see
 * {@link ApiTestSecurity}) and the real problem+json advice, on mocked services. Every class annotated with it shares
 * the slice; a test gets the mocks by {@code @Autowired} (they are reset after each test). No other controller is in
 * the slice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = ApiSliceTest.OtherControllers.class))
@Import(ApiTestSecurity.class)
@MockitoBean(types = {CaseService.class, CustomerMessages.class, IntakeService.class, OrderService.class, Trends.class})
@MockitoBean(types = {AgentAssist.class, KnowledgeBase.class})
@MockitoBean(types = IdentityService.class, answers = Answers.RETURNS_DEEP_STUBS)
public @interface ApiSliceTest {

    /** Every controller but the API's (the customer pages, metrics, simulation and dev mail have tests of their own). */
    class OtherControllers implements TypeFilter {

        private static final Set<String> API = Set.of(
                "io.casedesk.cases.CaseController",
                "io.casedesk.intake.IntakeController",
                "io.casedesk.orders.OrderController",
                "io.casedesk.trends.TrendController",
                "io.casedesk.assist.AssistController",
                "io.casedesk.knowledge.KnowledgeController");

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            var type = reader.getAnnotationMetadata();
            boolean controller = type.hasAnnotation(Controller.class.getName())
                    || type.hasMetaAnnotation(Controller.class.getName());
            return controller && !API.contains(type.getClassName());
        }
    }
}
