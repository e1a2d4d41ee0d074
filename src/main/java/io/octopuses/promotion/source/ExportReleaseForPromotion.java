package io.octopuses.promotion.source;

import static io.octopuses.promotion.source.ReleasePromotionProcess.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.problem.DomainException;
import io.octopuses.promotion.PackageSummary;
import io.octopuses.promotion.StepRefusal;
import io.octopuses.promotion.copy.ExportedRelease;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.Promotions;

/**
 * BPMN step "Export release": the release's frozen process and variables, its library sets, step templates and
 * packages, from the source server into staging, for the approvers to see and the bundle to carry. A release that
 * does not exist (or anything else the request got wrong) refuses the promotion; an Octopus outage is retried.
 */
@Component
class ExportReleaseForPromotion implements JavaDelegate {

    private final Promotions promotions;
    private final SourceStaging staging;

    ExportReleaseForPromotion(Promotions promotions, SourceStaging staging) {
        this.promotions = promotions;
        this.staging = staging;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        ExportedRelease exported;
        try {
            exported = staging.export(promotion);
        } catch (OctopusNotFoundException absent) {
            throw new BpmnError(ERROR_REFUSED, "Release " + promotion.releaseVersion() + " of " + promotion.project()
                    + " was not found on " + promotion.sourceServer() + ": " + absent.getMessage());
        } catch (DomainException refused) {
            throw StepRefusal.of(refused, ERROR_REFUSED);
        }
        execution.setVariable(VAR_RELEASE_NOTES, exported.content().release().releaseNotes());
        execution.setVariable(VAR_PACKAGE_SUMMARY, PackageSummary.of(exported.content().packages()));
        promotions.note(promotion.id(), "EXPORTED", null, exported.content().packages().size() + " package(s), "
                + exported.content().steps().size() + " step(s) from " + promotion.sourceServer());
    }
}
