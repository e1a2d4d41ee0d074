package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryPermissionsTest {

    @TempDir
    Path temp;

    @Test
    void aMissingDirectoryIsCreatedOwnerOnly() throws IOException {
        Path data = temp.resolve("deep/data");

        assertThat(DataDirectoryPermissions.secure(data)).isEmpty();

        assertThat(mode(data)).isEqualTo("rwx------");
    }

    @Test
    void anOpenDirectoryIsTightenedWithoutTouchingTheOwner() throws IOException {
        Path data = Files.createDirectory(temp.resolve("data"));
        Path db = Files.createDirectory(data.resolve("db"));
        Path database = Files.writeString(db.resolve("octopuses.mv.db"), "h2");
        Path key = Files.writeString(data.resolve("master.key"), "key");
        Path readOnly = Files.writeString(data.resolve("notes"), "x");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwxrwxr-x"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));

        assertThat(DataDirectoryPermissions.secure(data)).containsExactlyInAnyOrder(data, db, database, readOnly);

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rwx------");
        assertThat(mode(database)).isEqualTo("rw-------");
        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(mode(readOnly)).as("never loosened").isEqualTo("r--------");
        assertThat(DataDirectoryPermissions.secure(data)).as("nothing left to change").isEmpty();
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws IOException {
        Path data = Files.createDirectory(temp.resolve("data"));
        Path elsewhere = Files.writeString(temp.resolve("shared.txt"), "not ours");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(data.resolve("link"), elsewhere);

        DataDirectoryPermissions.secure(data);

        assertThat(mode(elsewhere)).isEqualTo("rw-r--r--");
    }

    @Test
    void aFileSystemWithoutPosixPermissionsIsLeftAlone() throws IOException {
        Path zip = temp.resolve("data.zip");
        try (FileSystem zipped = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path data = zipped.getPath("/data");

            assertThat(DataDirectoryPermissions.secure(data)).isEmpty();
            assertThat(Files.exists(data)).isFalse();
        }
    }

    @Test
    void runsFromTheEnvironmentAndLogsWhatItChanged(CapturedOutput output) throws IOException {
        Path data = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(data.resolve("master.key"), "key");
        DeferredLogs logs = new DeferredLogs();

        new DataDirectoryPermissions(logs).postProcessEnvironment(
                new MockEnvironment().withProperty("octopuses.data-dir", data.toString()), null);
        logs.switchOverAll();

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(output).contains("The data directory " + data + " was open to other users; made it owner-only");
    }

    @Test
    void saysNothingWhenNothingChanged(CapturedOutput output) {
        DeferredLogs logs = new DeferredLogs();

        new DataDirectoryPermissions(logs).postProcessEnvironment(
                new MockEnvironment().withProperty("octopuses.data-dir", temp.resolve("fresh").toString()), null);
        logs.switchOverAll();

        assertThat(output).doesNotContain("data directory");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
