package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in feed: multipart upload, overwrite modes, hash and size (on upload, list and get), download of the same bytes. */
class PackagesTest {

    /** A fresh server for each test: they push the same packages. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().build();
    private final SimClient client = new SimClient(sim);

    private SimClient.Reply upload(String fileName, byte[] content, String query) {
        return client.upload("/api/Spaces-1/packages/raw" + (query == null ? "" : "?" + query), fileName, content);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void uploadThenConflictThenOverwriteAndDownloadTheSameBytes() throws Exception {
        byte[] first = randomBytes(300_000, 1);
        byte[] second = randomBytes(200_000, 2);

        SimClient.Reply created = upload("Payments.Api.2.0.0.zip", first, null);
        SimClient.Reply conflict = upload("Payments.Api.2.0.0.zip", second, "overwriteMode=FailIfExists");
        SimClient.Reply ignored = upload("Payments.Api.2.0.0.zip", second, "overwriteMode=IgnoreIfExists");
        SimClient.Reply legacyConflict = upload("Payments.Api.2.0.0.zip", second, "replace=false");
        SimClient.Reply overwritten = upload("Payments.Api.2.0.0.zip", second, "overwriteMode=OverwriteExisting");

        assertThat(created.status()).isEqualTo(201);
        JsonNode pkg = created.json();
        assertThat(pkg.get("Id").asText()).isEqualTo("packages-Payments.Api.2.0.0");
        assertThat(pkg.get("PackageId").asText()).isEqualTo("Payments.Api");
        assertThat(pkg.get("Version").asText()).isEqualTo("2.0.0");
        assertThat(pkg.get("FileExtension").asText()).isEqualTo(".zip");
        assertThat(pkg.get("FeedId").asText()).isEqualTo("feeds-builtin");
        assertThat(pkg.get("Hash").asText()).isEqualTo(sha1(first));
        assertThat(pkg.get("PackageSizeBytes").asLong()).isEqualTo(first.length);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("ErrorMessage").asText()).startsWith("A package with the same name and version already exists");
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.json().get("Hash").asText()).isEqualTo(sha1(first));
        assertThat(legacyConflict.status()).isEqualTo(409);
        assertThat(overwritten.status()).isEqualTo(201);
        assertThat(overwritten.json().get("Hash").asText()).isEqualTo(sha1(second));

        SimClient.Reply raw = client.get("/api/Spaces-1/packages/packages-Payments.Api.2.0.0/raw");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo(second);
        JsonNode got = client.get("/api/Spaces-1/packages/packages-Payments.Api.2.0.0").json();
        assertThat(got.get("Hash").asText()).isEqualTo(sha1(second));
        assertThat(got.get("PackageSizeBytes").asLong()).isEqualTo(second.length);
    }

    @Test
    void listFiltersByPackageAndLatestAndDeleteRemoves() {
        upload("Shop.Web.1.0.0.zip", randomBytes(10, 3), null);
        upload("Shop.Web.1.10.0.zip", randomBytes(10, 4), null);
        upload("Shop.Web.1.9.0.zip", randomBytes(10, 5), null);
        upload("Shop.Worker.3.0.0-beta.1.tar.gz", randomBytes(10, 6), null);

        JsonNode all = client.get("/api/Spaces-1/packages?nuGetPackageId=Shop.Web").json();
        JsonNode latest = client.get("/api/Spaces-1/packages?latest=true").json();
        JsonNode versions = client.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Shop.Web").json();

        assertThat(all.get("Items")).extracting(p -> p.get("Version").asText()).containsExactly("1.10.0", "1.9.0", "1.0.0");
        assertThat(latest.get("Items")).extracting(p -> p.get("Version").asText()).containsExactly("1.10.0", "3.0.0-beta.1");
        assertThat(latest.at("/Items/1/FileExtension").asText()).isEqualTo(".tar.gz");
        assertThat(versions.get("Items").get(0).get("Version").asText()).isEqualTo("1.10.0");
        assertThat(client.delete("/api/Spaces-1/packages/packages-Shop.Web.1.0.0").status()).isEqualTo(200);
        assertThat(client.get("/api/Spaces-1/packages/packages-Shop.Web.1.0.0").status()).isEqualTo(404);
    }

    @Test
    void badUploadsAre400() {
        assertThat(upload("not-a-package.txt", randomBytes(10, 7), null).status()).isEqualTo(400);
        assertThat(upload("Empty.1.0.0.zip", new byte[0], null).status()).isEqualTo(400);
        assertThat(upload("Payments.Api.1.0.0.zip", randomBytes(10, 8), "overwriteMode=Sometimes").status()).isEqualTo(400);
    }
}
