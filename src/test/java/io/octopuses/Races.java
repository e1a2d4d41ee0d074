package io.octopuses;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Two actions started at the same moment on two threads, as two nodes of a cluster would race. */
public final class Races {

    private Races() {
    }

    /** Both results, once both actions ran; each waits on one latch so neither has a head start. */
    public static <T> Pair<T> atOnce(Supplier<T> first, Supplier<T> second) throws InterruptedException, ExecutionException {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<T> one = CompletableFuture.supplyAsync(() -> awaitThen(go, first));
        CompletableFuture<T> two = CompletableFuture.supplyAsync(() -> awaitThen(go, second));
        go.countDown();
        return new Pair<>(one.get(), two.get());
    }

    /** What the two actions returned. */
    public record Pair<T>(T first, T second) {
    }

    private static <T> T awaitThen(CountDownLatch go, Supplier<T> action) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return action.get();
    }
}
