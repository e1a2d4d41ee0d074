package io.octopuses.security;

/** A stored secret that none of the master keys can open: wrong or missing master key, or a tampered value. */
public class SecretUnreadableException extends IllegalStateException {

    public SecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
