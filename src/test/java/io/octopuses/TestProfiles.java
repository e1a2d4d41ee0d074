package io.octopuses;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The shared {@code test} profile plus whatever the build adds through {@code -Doctopuses.test.profiles}: the
 * {@code mariadb} Maven profile adds {@code mysql}, so the same tests run against MariaDB through Connector/J.
 */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        String extra = System.getProperty("octopuses.test.profiles", "");
        return Stream.concat(Stream.of("test"), Arrays.stream(extra.split(",")).map(String::trim).filter(p -> !p.isEmpty()))
                .toArray(String[]::new);
    }
}
