package io.octopuses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph of ARCHITECTURE.md, kept by Spring Modulith: each direct sub-package of {@code io.octopuses}
 * is a module whose base package is its API (sub-packages are internal unless a {@code @NamedInterface} publishes
 * them), modules use each other only through those APIs and without cycles, and {@code octopus} depends on no
 * other module of ours. The diagrams in {@code docs/modules/} are written from the same model on every run.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OctopusesApplication.class);
    private static final Path DIAGRAMS = Path.of("docs", "modules");

    @Test
    void modulesUseEachOtherOnlyThroughTheirPublishedApis() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheCapabilities() {
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .contains("farm", "octopus", "security", "cluster", "problem", "validation", "bundle", "access");
    }

    @Test
    void theOctopusClientDependsOnNoModuleOfOurs() {
        ApplicationModule octopus = MODULES.getModuleByName("octopus").orElseThrow();
        assertThat(octopus.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)).isEmpty();
    }

    /**
     * The documenter lists modules and relations in no fixed order; sorting each run of {@code Component(} and
     * {@code Rel(} lines makes the files (and their drawings) change only when the modules do.
     */
    static String inStableOrder(String plantUml) {
        List<String> lines = new ArrayList<>(List.of(plantUml.split("\n", -1)));
        for (int start = 0; start < lines.size(); start++) {
            String kind = kindOf(lines.get(start));
            if (kind == null) {
                continue;
            }
            int end = start;
            while (end < lines.size() && kind.equals(kindOf(lines.get(end)))) {
                end++;
            }
            Collections.sort(lines.subList(start, end));
            start = end;
        }
        return String.join("\n", lines);
    }

    private static String kindOf(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("Component(") ? "component" : trimmed.startsWith("Rel(") ? "relation" : null;
    }

    /** PlantUML sources from Spring Modulith's documenter, and an SVG of each for readers without PlantUML. */
    @Test
    void writesTheModuleDiagrams() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> sources = Files.list(DIAGRAMS)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".puml")).toList()) {
                Files.writeString(source, inStableOrder(Files.readString(source)));
                String diagram = Files.readString(source).replace("@startuml", "@startuml\n!pragma layout smetana");
                Path svg = source.resolveSibling(source.getFileName().toString().replace(".puml", ".svg"));
                try (OutputStream out = Files.newOutputStream(svg)) {
                    new SourceStringReader(diagram).outputImage(out, new FileFormatOption(FileFormat.SVG));
                }
            }
        }
        assertThat(DIAGRAMS.resolve("components.svg")).content().contains("Farm").contains("Octopus");
    }
}
