package io.octopuses.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The step template as Octopus imports it: the export JSON carries exactly the script, declares exactly the
 * parameters the script reads, and looks like an action template export.
 */
class StepTemplateTest {

    static final Path SCRIPT = Path.of("src/main/resources/step-templates/promote-release.sh");
    static final Path TEMPLATE = Path.of("src/main/resources/step-templates/promote-release.json");
    /** The Octopus system variables the script may read: set by Octopus in every deployment. */
    static final Set<String> SYSTEM_VARIABLES = Set.of("Octopus.Deployment.Id", "Octopus.Project.Name",
            "Octopus.Release.Number", "Octopus.Space.Name");
    private static final Pattern READ = Pattern.compile("(?:get_octopusvariable|octopuses_param) \"([^\"$]+)\"");

    private final JsonNode template = readTemplate();

    @Test
    void theTemplatesScriptBodyIsTheScriptByteForByte() throws IOException {
        byte[] body = template.path("Properties").path("Octopus.Action.Script.ScriptBody").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(body)
                .as("ScriptBody differs from %s: after editing the script, run: jq --rawfile body %s "
                        + "'.Properties[\"Octopus.Action.Script.ScriptBody\"] = $body' %s > t.json && mv t.json %s",
                        SCRIPT, SCRIPT, TEMPLATE, TEMPLATE)
                .isEqualTo(Files.readAllBytes(SCRIPT));
    }

    @Test
    void everyParameterTheScriptReadsIsDeclaredAndEveryDeclaredOneIsRead() throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher m = READ.matcher(Files.readString(SCRIPT));
        while (m.find()) {
            read.add(m.group(1));
        }
        Set<String> declared = new TreeSet<>(template.path("Parameters").findValuesAsText("Name"));
        Set<String> system = new TreeSet<>(read);
        system.removeIf(name -> !name.startsWith("Octopus."));
        read.removeAll(system);

        assertThat(read).as("parameters the script reads").isEqualTo(declared);
        assertThat(declared).allMatch(name -> name.startsWith("Octopuses."), "named Octopuses.*");
        assertThat(SYSTEM_VARIABLES).as("Octopus system variables the script reads").containsAll(system);
    }

    @Test
    void itIsABashScriptActionTemplateWithDescribedParameters() {
        assertThat(template.path("$Meta").path("Type").asText()).isEqualTo("ActionTemplate");
        assertThat(template.path("ActionType").asText()).isEqualTo("Octopus.Script");
        assertThat(template.path("Name").asText()).isNotBlank();
        assertThat(template.path("Description").asText()).isNotBlank();
        assertThat(template.path("Version").isInt()).isTrue();
        assertThat(template.path("Properties").path("Octopus.Action.Script.Syntax").asText()).isEqualTo("Bash");
        assertThat(template.path("Properties").path("Octopus.Action.Script.ScriptSource").asText()).isEqualTo("Inline");

        List<String> ids = new ArrayList<>();
        for (JsonNode parameter : template.path("Parameters")) {
            String name = parameter.path("Name").asText();
            ids.add(parameter.path("Id").asText());
            assertThat(parameter.path("Label").asText()).as(name).isNotBlank();
            assertThat(parameter.path("HelpText").asText()).as(name).isNotBlank();
            assertThat(parameter.has("DefaultValue")).as(name).isTrue();
            String control = parameter.path("DisplaySettings").path("Octopus.ControlType").asText();
            assertThat(control).as(name).isIn("SingleLineText", "Sensitive", "Select");
            if (control.equals("Select")) {
                assertThat(parameter.path("DisplaySettings").path("Octopus.SelectOptions").asText()).as(name)
                        .contains(parameter.path("DefaultValue").asText() + "|");
            }
            assertThat(control.equals("Sensitive")).as(name + " is Sensitive").isEqualTo(name.endsWith("Token"));
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f-]{36}"));
    }

    @Test
    void bashAcceptsTheScript() throws Exception {
        Process bash = new ProcessBuilder("bash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(output).isZero();
    }

    private static JsonNode readTemplate() {
        try {
            return new ObjectMapper().readTree(TEMPLATE.toFile());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + TEMPLATE, e);
        }
    }
}
