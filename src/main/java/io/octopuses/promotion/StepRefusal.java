package io.octopuses.promotion;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.octopuses.EngineAdapter;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * How a promotion step treats a domain problem: something unavailable is thrown again, so the job is retried and
 * then becomes an incident; anything else (not found, a conflict, refused) will not change by retrying and takes the
 * model's error path with the problem's detail and fix.
 */
@EngineAdapter
public final class StepRefusal {

    private StepRefusal() {
    }

    public static RuntimeException of(DomainException problem, String errorCode) {
        if (problem.kind() == ProblemKind.UNAVAILABLE) {
            return problem;
        }
        return new BpmnError(errorCode, problem.getMessage() + " " + problem.fix());
    }
}
