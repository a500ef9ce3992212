package io.casedesk.security.process;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The beans a model may name: casedesk's own delegates and listeners, and beans marked {@link ExposedToModels}.
 * Everything else in the application context (the environment, the data source, the engine's services) stays out of
 * reach of expressions, which a process owner writes. The beans are looked up when an expression asks for them: they
 * are built after the engine, which reads this map while it is being built.
 */
final class ModelBeans {

    private final Set<String> exposed;
    private final Set<String> allBeanNames;
    private final Map<Object, Object> lookup;

    ModelBeans(ApplicationContext context) {
        var names = new TreeSet<String>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type == null || !type.getName().startsWith("io.casedesk.")) {
                continue;
            }
            if (JavaDelegate.class.isAssignableFrom(type)
                    || TaskListener.class.isAssignableFrom(type)
                    || ExecutionListener.class.isAssignableFrom(type)
                    || context.findAnnotationOnBean(name, ExposedToModels.class, false) != null) {
                names.add(name);
            }
        }
        this.exposed = Set.copyOf(names);
        this.allBeanNames = Set.of(context.getBeanDefinitionNames());
        this.lookup = new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return exposed.contains(key);
            }

            @Override
            public Object get(Object key) {
                return exposed.contains(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return exposed.stream()
                        .map(name -> Map.entry((Object) name, context.getBean(name)))
                        .collect(Collectors.toSet());
            }
        };
    }

    /** Bean name → bean, for the engine's expression manager (read-only, looked up on use). */
    Map<Object, Object> asMap() {
        return lookup;
    }

    boolean isExposed(String name) {
        return exposed.contains(name);
    }

    /** A bean of the application context that models may not name. */
    boolean isHidden(String name) {
        return allBeanNames.contains(name) && !exposed.contains(name);
    }

    Set<String> names() {
        return exposed;
    }
}
