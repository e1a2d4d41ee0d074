package io.octopuses.promotion.copy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.octopuses.problem.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundle's release.json: stable keys for sensitive variables, schema versions, a change summary for people. */
class ReleaseContentTest {

    @Test
    void aSensitiveVariablesKeyIsTheSameWhateverTheOrderOfItsScope() {
        SensitiveVariable a = new SensitiveVariable("Api.Key", Map.of("Role", List.of("web"), "Environment", List.of("Test", "Production")), null);
        SensitiveVariable b = new SensitiveVariable("Api.Key", Map.of("Environment", List.of("Production", "Test"), "Role", List.of("web")), null);

        assertThat(a.key()).isEqualTo(b.key()).isEqualTo("Api.Key{Environment=Production,Test;Role=web}");
        assertThat(new SensitiveVariable("Token", Map.of(), "Payments Shared").key()).isEqualTo("Payments Shared/Token");
        assertThat(new SensitiveVariable("Token", Map.of("Environment", List.of()), null).key()).isEqualTo("Token");
    }

    @Test
    void aSensitiveVariableNeverCarriesAValue() {
        assertThat(new VariableContent("Password", "leaked?", "Sensitive", true, null, Map.of(), null).value()).isNull();
    }

    @Test
    void aNewerSchemaIsRefusedWithWhatToDo() {
        String json = "{\"schemaVersion\": " + (ReleaseContent.SCHEMA_VERSION + 1) + ", \"channels\": [], \"steps\": [],"
                + " \"references\": [], \"variables\": [], \"libraryVariableSets\": [], \"stepTemplates\": [],"
                + " \"packages\": [], \"sourceEnvironments\": []}";

        assertThatThrownBy(() -> ReleaseContent.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("release-content-schema");
                    assertThat(e.fix()).contains("Upgrade");
                });
        assertThatThrownBy(() -> ReleaseContent.fromJson(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("release-content-unreadable"));
    }

    @Test
    void aChangeSummaryReadsAsOneLinePerChange() {
        ChangeSummary changes = new ChangeSummary("updated", List.of("Smoke test"), List.of(), List.of("Old step"),
                List.of("Payments.DbPassword (sensitive)"), List.of(), List.of(), List.of("Channel created: Hotfix"));

        assertThat(changes.lines()).containsExactly("Project: updated", "Step added: Smoke test", "Step removed: Old step",
                "Variable added: Payments.DbPassword (sensitive)", "Channel created: Hotfix");
        assertThat(changes.isEmpty()).isFalse();
        assertThat(new ChangeSummary("unchanged", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of())
                .isEmpty()).isTrue();
    }
}
