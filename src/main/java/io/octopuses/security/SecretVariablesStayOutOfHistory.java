package io.octopuses.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * Variables named {@code secret_*} (e.g. the sensitive values a target-side approver enters for Octopus) never reach
 * Camunda's history tables: the engine's own database history handler is replaced by one that drops their events.
 * The listener that reads them removes them in the same command, so they are not kept at run time either.
 */
@Component
@EngineAdapter
class SecretVariablesStayOutOfHistory extends AbstractProcessEnginePlugin {

    /** The prefix of variables that hold secrets. */
    static final String SECRET_PREFIX = "secret_";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new WithoutSecrets(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static boolean isSecret(String variableName) {
        return variableName != null && variableName.startsWith(SECRET_PREFIX);
    }

    private record WithoutSecrets(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricVariableUpdateEventEntity variable && isSecret(variable.getVariableName()))) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
