package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.OpenedBundle;
import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.problem.DomainException;
import io.octopuses.promotion.StepRefusal;
import io.octopuses.promotion.copy.ImportedPackages;
import io.octopuses.promotion.copy.ImportedRelease;
import io.octopuses.promotion.copy.ReleaseContent;
import io.octopuses.promotion.copy.ReleaseImporter;
import io.octopuses.promotion.record.PromotionImports;

/**
 * BPMN step "Import promoted release": the project (process and non-sensitive variables as in the bundle, the
 * target's own sensitive and target-only values kept), the packages the target lacks (streamed from the bundle,
 * checked by id, version and hash), and the release with the same version — reused when an identical one exists.
 * Every part checks what exists first, so a re-run after a crash creates nothing twice. A conflict (a different
 * release or package under the same version) ends the import with the reason, reported back to the source.
 */
@Component
class ImportPromotedRelease implements JavaDelegate {

    private final ReceivedPromotion received;
    private final ReleaseImporter importer;
    private final FarmClients farm;
    private final PromotionImports imports;

    ImportPromotedRelease(ReceivedPromotion received, ReleaseImporter importer, FarmClients farm,
                          PromotionImports imports) {
        this.received = received;
        this.importer = importer;
        this.farm = farm;
        this.imports = imports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SpaceClient target = farm.forServer((String) execution.getVariable(VAR_TARGET_SERVER))
                .space((String) execution.getVariable(VAR_SPACE));
        try (OpenedBundle bundle = received.open((String) execution.getVariable(VAR_BUNDLE_ID))) {
            ReleaseContent content = received.content(bundle);
            importer.applyProject(target, content, Map.of());
            ImportedPackages packages = importer.uploadPackages(target, content, ReceivedPromotion.packages(bundle));
            ImportedRelease release = importer.createRelease(target, content);
            imports.moveTo(execution.getProcessBusinessKey(), "IMPORTED", null, "Project " + content.project().name()
                    + " up to date; " + packages.uploaded().size() + " package(s) uploaded, "
                    + packages.alreadyPresent().size() + " already there; release " + release.version()
                    + (release.created() ? " created" : " reused") + " (" + release.releaseId() + ")");
        } catch (DomainException refused) {
            throw StepRefusal.of(refused, ERROR_IMPORT_FAILED);
        } catch (RuntimeException failed) { // a package entry changed on disk after it was signed: not worth a retry
            throw OpenedBundle.changedEntry(failed).map(changed -> StepRefusal.of(changed, ERROR_IMPORT_FAILED))
                    .orElseThrow(() -> failed);
        }
    }
}
