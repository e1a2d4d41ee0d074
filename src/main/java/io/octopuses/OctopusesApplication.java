package io.octopuses;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.octopuses.bundle.BundleCli;

/** Octopuses: one orchestration server for a farm of Octopus Deploy servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class OctopusesApplication {

    /** The server; or {@code bundle verify ...} (docs/bundle-format.md), which runs offline without Spring. */
    public static void main(String[] args) {
        if (args.length > 0 && "bundle".equals(args[0])) {
            System.exit(BundleCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(OctopusesApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
