package io.octopuses.validation;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Lets tests outside this package build a mapper as strict as the application's. */
public final class StrictJsonTestSupport {

    private StrictJsonTestSupport() {
    }

    public static Jackson2ObjectMapperBuilder customize(Jackson2ObjectMapperBuilder builder) {
        new StrictJson().customize(builder);
        return builder;
    }
}
