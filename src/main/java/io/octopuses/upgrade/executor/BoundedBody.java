package io.octopuses.upgrade.executor;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body read up to a limit: past it the rest is not read (the exchange is cancelled) and the body is
 * marked truncated, so a far end cannot fill the heap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Read> {

    static final int MAX_BYTES = 1024 * 1024;

    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Read> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int max) {
        this.max = max;
    }

    /** What was read: the text, and whether more was sent than was read. */
    record Read(String text, boolean truncated) {
    }

    @Override
    public CompletionStage<Read> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = max - bytes.size();
            if (item.remaining() > room) {
                byte[] part = new byte[room];
                item.get(part);
                bytes.writeBytes(part);
                subscription.cancel();
                result.complete(new Read(text(), true));
                return;
            }
            byte[] all = new byte[item.remaining()];
            item.get(all);
            bytes.writeBytes(all);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Read(text(), false));
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
