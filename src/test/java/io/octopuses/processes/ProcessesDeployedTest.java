package io.octopuses.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.octopuses.OctopusesTest;

/** Every {@code .bpmn} and {@code .form} in {@code processes/} is deployed when the application starts. */
@OctopusesTest
class ProcessesDeployedTest {

    @Autowired
    RepositoryService repository;

    @Test
    void everyModelAndFormInProcessesIsDeployed() throws IOException {
        List<String> inFolder;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            inFolder = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".bpmn") || name.endsWith(".form")).sorted().toList();
        }
        List<String> deployed = repository.createDeploymentQuery().list().stream()
                .flatMap(deployment -> repository.getDeploymentResourceNames(deployment.getId()).stream())
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .toList();

        assertThat(inFolder).as("the folder holds models").isNotEmpty();
        assertThat(deployed).containsAll(inFolder);
    }
}
