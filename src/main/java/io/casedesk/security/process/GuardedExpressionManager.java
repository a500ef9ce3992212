package io.casedesk.security.process;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with casedesk's beans only and a guard in front of every resolver: what
 * ExpressionPolicy refuses at deployment is refused again when an expression runs (a model deployed before the policy
 * existed, a stored query, a DMN table): no engine objects, no method calls but on decision results, no reflection.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
        super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
        var resolver = new CompositeELResolver();
        resolver.add(new Guard());
        resolver.add(super.createElResolver());
        return resolver;
    }

    /** Resolves nothing itself; refuses what models may not do, and lets the engine's resolvers do the rest. */
    private static final class Guard extends ELResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && ExpressionPolicy.ENGINE_OBJECTS.contains(String.valueOf(property))) {
                throw new PropertyNotFoundException("'" + property + "' is not available to models");
            }
            if (base != null && ExpressionPolicy.REFLECTIVE_PROPERTIES.contains(String.valueOf(property))) {
                throw new PropertyNotFoundException("the property '" + property + "' is not available to models");
            }
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            boolean decisionResult = base instanceof DmnDecisionResult
                    && ExpressionPolicy.DECISION_RESULT_METHODS.contains(String.valueOf(method))
                    && (params == null || params.length == 0);
            if (!decisionResult) {
                throw new MethodNotFoundException("method calls are not available to models: " + method);
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            getValue(context, base, property);
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            getValue(context, base, property);
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return false;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
