package io.octopuses.octopus.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A keep-alive connection the pool holds may have been closed by the server meanwhile (an idle timeout, a restart, a
 * load balancer); OkHttp finds out only when a request on it fails at once. OkHttp's own retry for that is off (it
 * could send a POST twice), and a single-attempt call (registration's check, a health probe) would then report a
 * healthy server unreachable. So a GET or HEAD that fails this way, not by a refused connection or a timeout, is sent
 * again, at most {@value #MAX_RESENDS} times (the pool may hold more than one such connection), within the same
 * call and so within the same call timeout.
 */
final class StaleConnectionRetry implements Interceptor {

    static final int MAX_RESENDS = 3;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        for (int resend = 0; ; resend++) {
            try {
                return chain.proceed(request);
            } catch (IOException failed) {
                if (resend >= MAX_RESENDS || !readOnly(request) || !staleConnection(failed) || chain.call().isCanceled()) {
                    throw failed;
                }
            }
        }
    }

    private static boolean readOnly(Request request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    /** Not a refused or unroutable connection, an unknown host or a timeout: those are the server's answer. */
    private static boolean staleConnection(IOException failed) {
        return !(failed instanceof ConnectException || failed instanceof NoRouteToHostException
                || failed instanceof UnknownHostException || failed instanceof InterruptedIOException);
    }
}
