package io.octopuses;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one whole-application test setup (one Spring context for all such tests): the real app on a random
 * port, the shared {@code test} profile (in-memory H2 unless OCTOPUSES_DB_URL says otherwise, no scheduled
 * polling, no job executor: tests drive both).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OctopusesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
public @interface OctopusesTest {
}
