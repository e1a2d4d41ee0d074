package io.octopuses;

import java.time.Clock;
import java.util.Arrays;
import java.util.ServiceLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Octopuses: one orchestration server for a farm of Octopus Deploy servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class OctopusesApplication {

    /**
     * The server; or an {@link OfflineCommand} such as {@code bundle verify ...} (docs/bundle-format.md), which runs
     * without starting Spring when the first argument names it.
     */
    public static void main(String[] args) {
        if (args.length > 0) {
            for (OfflineCommand command : ServiceLoader.load(OfflineCommand.class)) {
                if (command.name().equals(args[0])) {
                    System.exit(command.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
                }
            }
        }
        SpringApplication.run(OctopusesApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
