package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Build information: pushed per package version with overwrite modes, listed, deleted, and shown on its package. */
class BuildInformationTest {

    private static final String COMMIT = "314cf2c3ee916c92a384c2796a6abe332d678e4f";

    /** A fresh DEV server for each test: they push the same build information. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().name("buildinfo").seed(SimulatorSeed.DEV).build();
    private final SimClient client = new SimClient(sim);

    /** What the official TypeScript client's BuildInformationRepository.push sends for one package. */
    private static ObjectNode push(String packageId, String version, String buildNumber) {
        return Json.object("PackageId", packageId, "Version", version, "OctopusBuildInformation", Json.object(
                "Branch", "main",
                "BuildEnvironment", "BitBucket",
                "BuildNumber", buildNumber,
                "BuildUrl", "https://bitbucket.org/octopussamples/petclinic/addon/pipelines/home#!/results/" + buildNumber,
                "VcsType", "Git",
                "VcsRoot", "https://bitbucket.org/octopussamples/petclinic.git",
                "VcsCommitNumber", COMMIT,
                "Commits", Json.array(List.of(Json.object("Id", COMMIT, "Comment", "GOD-1 - test build info")))));
    }

    @Test
    void pushedBuildInformationShowsOnItsPackage() {
        client.upload("/api/Spaces-1/packages/raw", "Hello.1.0.0.zip", "hello".getBytes(StandardCharsets.UTF_8));

        SimClient.Reply pushed = client.post("/api/Spaces-1/build-information?overwriteMode=FailIfExists", push("Hello", "1.0.0", "288"));

        assertThat(pushed.status()).isEqualTo(201);
        JsonNode info = pushed.json();
        assertThat(info.get("Id").asText()).matches("BuildInformation-\\d+");
        assertThat(info.get("PackageId").asText()).isEqualTo("Hello");
        assertThat(info.get("Version").asText()).isEqualTo("1.0.0");
        assertThat(info.get("BuildNumber").asText()).isEqualTo("288");
        assertThat(info.get("VcsCommitUrl").asText()).isEqualTo("https://bitbucket.org/octopussamples/petclinic/commit/" + COMMIT);
        assertThat(info.at("/Commits/0/Comment").asText()).isEqualTo("GOD-1 - test build info");
        assertThat(info.at("/Commits/0/LinkUrl").asText()).endsWith("/commit/" + COMMIT);
        assertThat(info.get("Created").asText()).isNotBlank();
        assertThat(client.get("/api/Spaces-1/build-information/" + info.get("Id").asText()).json()).isEqualTo(info);

        String packageId = client.get("/api/Spaces-1/packages?filter=Hello").json().at("/Items/0/Id").asText();
        JsonNode pkg = client.get("/api/Spaces-1/packages/" + packageId).json();
        assertThat(pkg.at("/PackageVersionBuildInformation/VcsCommitNumber").asText()).isEqualTo(COMMIT);
        assertThat(pkg.at("/PackageVersionBuildInformation/Id").asText()).isEqualTo(info.get("Id").asText());
        assertThat(client.get("/api/Spaces-1/packages/packages-Payments.Api.1.0.1").json()
                .at("/PackageVersionBuildInformation/BuildEnvironment").asText()).isEqualTo("GitHub Actions");
    }

    @Test
    void aDuplicateIsRefusedIgnoredOrOverwrittenAsAskedFor() {
        String id = client.post("/api/Spaces-1/build-information", push("Hello", "1.0.0", "1")).json().get("Id").asText();

        SimClient.Reply refused = client.post("/api/Spaces-1/build-information", push("Hello", "1.0.0", "2"));
        SimClient.Reply ignored = client.post("/api/Spaces-1/build-information?overwriteMode=IgnoreIfExists", push("Hello", "1.0.0", "3"));
        SimClient.Reply overwritten = client.post("/api/Spaces-1/build-information?overwriteMode=OverwriteExisting",
                push("Hello", "1.0.0", "4"));
        ObjectNode inBody = push("Hello", "1.0.0", "5");
        inBody.put("OverwriteMode", "OverwriteExisting");
        SimClient.Reply overwrittenByBody = client.post("/api/build-information", inBody);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("ErrorMessage").asText())
                .isEqualTo(OctopusErrors.buildInformationExists("Hello", "1.0.0"))
                .contains("overwriteMode of OverwriteExisting or IgnoreIfExists");
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.json().get("BuildNumber").asText()).isEqualTo("1");
        assertThat(overwritten.status()).isEqualTo(200);
        assertThat(overwritten.json().get("BuildNumber").asText()).isEqualTo("4");
        assertThat(overwritten.json().get("Id").asText()).isEqualTo(id);
        assertThat(overwrittenByBody.json().get("BuildNumber").asText()).isEqualTo("5");
        assertThat(client.get("/api/Spaces-1/build-information?packageId=Hello").json().get("TotalResults").asInt()).isEqualTo(1);
    }

    @Test
    void listFiltersAndPagesAndDeletesOneOrMany() {
        client.post("/api/Spaces-1/build-information", push("Shop.Web", "1.9.0", "19"));
        client.post("/api/Spaces-1/build-information", push("Shop.Web", "1.10.0", "20"));
        String worker = client.post("/api/Spaces-1/build-information", push("Shop.Worker", "3.0.0", "30")).json().get("Id").asText();

        JsonNode web = client.get("/api/Spaces-1/build-information?packageId=shop.web").json();
        JsonNode latest = client.get("/api/Spaces-1/build-information?partialPackageId=Shop.&latest=true").json();
        JsonNode page = client.get("/api/Spaces-1/build-information?partialPackageId=Shop&skip=1&take=1").json();
        JsonNode byVersion = client.get("/api/Spaces-1/build-information?filter=1.10").json();

        assertThat(web.get("Items")).extracting(b -> b.get("Version").asText()).containsExactly("1.10.0", "1.9.0");
        assertThat(latest.get("Items")).extracting(b -> b.get("PackageId").asText() + " " + b.get("Version").asText())
                .containsExactly("Shop.Web 1.10.0", "Shop.Worker 3.0.0");
        assertThat(page.get("TotalResults").asInt()).isEqualTo(3);
        assertThat(page.get("Items")).hasSize(1);
        assertThat(page.at("/Links/Page.Next").asText()).containsIgnoringCase("partialPackageId=Shop");
        assertThat(byVersion.get("Items")).extracting(b -> b.get("Version").asText()).containsExactly("1.10.0");

        assertThat(client.delete("/api/Spaces-1/build-information/" + worker).status()).isEqualTo(200);
        assertThat(client.get("/api/Spaces-1/build-information/" + worker).status()).isEqualTo(404);
        String ids = String.join(",", web.get("Items").findValuesAsText("Id"));
        assertThat(client.delete("/api/Spaces-1/build-information/bulk?ids=" + ids).status()).isEqualTo(200);
        assertThat(client.get("/api/Spaces-1/build-information?partialPackageId=Shop").json().get("TotalResults").asInt()).isZero();
        assertThat(client.delete("/api/Spaces-1/build-information/bulk").status()).isEqualTo(400);
    }

    @Test
    void badPushesAre400() {
        assertThat(client.post("/api/Spaces-1/build-information", Json.object("Version", "1.0.0",
                "OctopusBuildInformation", Json.object())).status()).isEqualTo(400);
        assertThat(client.post("/api/Spaces-1/build-information", Json.object("PackageId", "Hello", "Version", "1.0.0"))
                .status()).isEqualTo(400);
        assertThat(client.post("/api/Spaces-1/build-information?overwriteMode=Sometimes", push("Hello", "1.0.0", "1"))
                .status()).isEqualTo(400);
    }

    @Test
    void theSpaceRootLinksTheBuildInformationApi() {
        JsonNode links = client.get("/api/Spaces-1").json().get("Links");

        assertThat(links.get("BuildInformation").asText()).startsWith("/api/Spaces-1/build-information{/id}");
        assertThat(links.get("BuildInformationBulk").asText()).isEqualTo("/api/Spaces-1/build-information/bulk{?ids}");
    }
}
