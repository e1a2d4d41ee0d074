package io.octopuses.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps {@code octopuses.data-dir} (the H2 database files, {@code master.key}) owner-only: created as
 * {@code rwx------} when missing; in an existing one every group and other permission is taken away (755 becomes
 * 700, 644 becomes 600; owner permissions are left as they are), with a log line when something changed. Runs while the environment is prepared, i.e. before any bean, the DataSource
 * included, can create a file there. Skipped on file systems without POSIX permissions; a directory it cannot
 * create or change is logged and left to whoever needs it (with MySQL and OCTOPUSES_MASTER_KEY nothing does).
 * Registered in {@code META-INF/spring.factories}.
 */
public class DataDirectoryPermissions implements EnvironmentPostProcessor {

    static final String PROPERTY = "octopuses.data-dir";
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = PosixFilePermissions.fromString("---rwxrwx");

    private final Log log;

    public DataDirectoryPermissions(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectoryPermissions.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        Path directory = Path.of(configured.trim()).toAbsolutePath().normalize();
        try {
            List<Path> tightened = secure(directory);
            if (tightened.contains(directory)) {
                log.warn("The data directory " + directory + " was open to other users; made it owner-only. Changed: "
                        + describe(directory, tightened));
            } else if (!tightened.isEmpty()) {
                log.info("Took group and other permissions from files in the data directory " + directory + ": "
                        + describe(directory, tightened));
            }
        } catch (IOException | SecurityException e) {
            log.warn("Could not make the data directory " + directory + " owner-only (" + e + "); "
                    + "restrict it yourself, e.g. chmod -R go= " + directory);
        }
    }

    /**
     * Creates {@code directory} owner-only, or tightens it and everything under it.
     *
     * @return the paths whose permissions were changed (empty when created or already owner-only, and on a
     *         file system without POSIX permissions)
     */
    static List<Path> secure(Path directory) throws IOException {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return List.of();
        }
        if (Files.notExists(directory)) {
            Path parent = directory.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            // the umask may have taken bits away, never added them; set them anyway in case of an odd umask
            Files.setPosixFilePermissions(directory, DIRECTORY);
            return List.of();
        }
        List<Path> changed = new ArrayList<>();
        tighten(directory, changed);
        try (Stream<Path> inside = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) inside.skip(1)::iterator) {
                // a symbolic link is not followed: its target is not ours to change
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    tighten(path, changed);
                }
            }
        }
        return changed;
    }

    private static void tighten(Path path, List<Path> changed) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        permissions.addAll(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        if (permissions.removeAll(GROUP_AND_OTHERS)) {
            Files.setPosixFilePermissions(path, permissions);
            changed.add(path);
        }
    }

    private static String describe(Path directory, List<Path> changed) {
        List<String> names = changed.stream().limit(10)
                .map(path -> path.equals(directory) ? "." : directory.relativize(path).toString()).toList();
        return String.join(", ", names) + (changed.size() > names.size() ? " and " + (changed.size() - names.size()) + " more" : "");
    }
}
