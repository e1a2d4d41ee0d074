package io.octopuses.security;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * Model expressions see only the beans the models need: the BPMN delegates and listeners, by bean name
 * ({@code ${checkServerStillOffline}}), not the whole Spring context. Without this, anyone who can deploy or
 * start a model could write {@code ${farmService...}} and reach every service and secret.
 *
 * <p>Camunda's Spring expression manager exposes exactly the map it is given instead of the context when it gets
 * one. Its factory bean creates it before any plugin runs, so this plugin replaces it, with a read-only view that
 * resolves the names lazily (delegates depend on services that depend on the engine, so they cannot be created
 * before it). The same map as the configuration's {@code beans} keeps Spring beans out of scripts too.
 */
@Component
@EngineAdapter
class ModelExpressionBeans extends AbstractProcessEnginePlugin {

    private static final Class<?>[] MODEL_BEAN_TYPES = {JavaDelegate.class, ExecutionListener.class, TaskListener.class};

    private final ApplicationContext context;

    ModelExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DelegateBeans beans = new DelegateBeans(context);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }

    /** The names of the beans a model may name. */
    static Set<String> namesIn(ApplicationContext context) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : MODEL_BEAN_TYPES) {
            names.addAll(Set.of(context.getBeanNamesForType(type, false, false)));
        }
        return names;
    }

    private static final class DelegateBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private volatile Set<String> names;

        DelegateBeans(ApplicationContext context) {
            this.context = context;
        }

        private Set<String> names() {
            if (names == null) {
                names = Set.copyOf(namesIn(context));
            }
            return names;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names().contains(name);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return names().stream()
                    .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
