package io.octopuses.access.providers;

/**
 * A provider the standard enables on a server that holds no value for the secret sign-in needs: only someone with the
 * secret can fix it, on the server itself.
 *
 * @param provider the provider's key ({@code okta})
 * @param field    the secret's name ({@code clientSecret})
 * @param message  {@value #MESSAGE}
 */
public record MissingSecret(String provider, String field, String message) {

    public static final String MESSAGE = "must be set on the server";

    static MissingSecret of(AuthProvider provider) {
        return new MissingSecret(provider.key(), provider.neededSecret(), MESSAGE);
    }
}
