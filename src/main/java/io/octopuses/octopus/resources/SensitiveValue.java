package io.octopuses.octopus.resources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A secret setting as Octopus exchanges it: read back as {@code {"HasValue": true}} only; written as
 * {@link #set(String)} (a new value), {@link #keep()} (leave the stored one) or {@link #clear()}. The new value is an
 * {@link OctopusSecret}, so logging a record that holds one never shows it.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SensitiveValue(Boolean hasValue, OctopusSecret newValue, String hint) {

    /** Replace the stored secret with {@code value}. */
    public static SensitiveValue set(String value) {
        return new SensitiveValue(true, OctopusSecret.of(value), null);
    }

    /** Leave the stored secret as it is. */
    public static SensitiveValue keep() {
        return new SensitiveValue(true, null, null);
    }

    /** Remove the stored secret. */
    public static SensitiveValue clear() {
        return new SensitiveValue(false, null, null);
    }

    /** Whether the server holds a value (what a read tells). */
    public boolean isSet() {
        return Boolean.TRUE.equals(hasValue);
    }
}
