package io.octopuses.access.request.steps;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.access.request.RequestTime;

/** The engine's clock (ClockUtil): the one its timers run on. */
@Component
@EngineAdapter
class EngineRequestTime implements RequestTime {

    @Override
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
