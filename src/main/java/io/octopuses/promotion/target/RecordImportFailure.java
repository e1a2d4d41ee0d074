package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.PromotionResults;

/**
 * BPMN step "Record import failure": the preflight found the target lacking something, or the import met a
 * conflict; the source side gets the list, so someone can fix the target and promote again.
 */
@Component
class RecordImportFailure implements JavaDelegate {

    private final PromotionImports imports;

    RecordImportFailure(PromotionImports imports) {
        this.imports = imports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean preflight = !Boolean.TRUE.equals(execution.getVariable(VAR_IMPORTABLE));
        String state = preflight ? PromotionResults.PREFLIGHT_FAILED : PromotionResults.FAILED;
        String why = preflight
                ? "The target server " + execution.getVariable(VAR_TARGET_SERVER) + " lacks: "
                        + execution.getVariable(VAR_PREFLIGHT_PROBLEMS)
                : "The import failed: " + execution.getVariable(VAR_IMPORT_ERROR);
        imports.moveTo(execution.getProcessBusinessKey(), state, null, why);
        execution.setVariable(VAR_RESULT_STATE, state);
        execution.setVariable(VAR_RESULT_DETAIL, why);
    }
}
