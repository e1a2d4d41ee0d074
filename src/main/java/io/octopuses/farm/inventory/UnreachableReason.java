package io.octopuses.farm.inventory;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Why a server could not be reached, as a class of failure ("connection refused", "timed out"...) and never the
 * text of a foreign exception: registration must not become a way to read what answers at an internal address.
 */
final class UnreachableReason {

    private UnreachableReason() {
    }

    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "connection refused";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException) {
                return "timed out";
            }
            if (cause instanceof SSLException) {
                return "TLS handshake failed";
            }
        }
        return "connection failed";
    }
}
