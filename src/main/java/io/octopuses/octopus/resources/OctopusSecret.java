package io.octopuses.octopus.resources;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A secret Octopus hands out once (a new API key). Serializes as the plain string but never shows it in
 * {@link #toString()}, so it cannot leak through logging a record that holds it.
 */
public final class OctopusSecret {

    private final String value;

    private OctopusSecret(String value) {
        this.value = value;
    }

    @JsonCreator
    public static OctopusSecret of(String value) {
        return value == null ? null : new OctopusSecret(value);
    }

    @JsonValue
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OctopusSecret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
