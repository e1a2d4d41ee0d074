package io.octopuses.bundle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener as another module would write one (the promotion module will): hears {@link BundleReceived} after
 * the receipt committed, from the event publication registry; can be told to fail once, to show the retry.
 */
@Component
class BundleReceivedRecorder {

    private final List<BundleReceived> heard = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNext = new AtomicBoolean();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    /** What was heard (a method: the bean is a proxy, its fields are not the listener's). */
    List<BundleReceived> heard() {
        return List.copyOf(heard);
    }

    /** The names of the threads it heard on. */
    List<String> threads() {
        return List.copyOf(threads);
    }

    void failNext() {
        failNext.set(true);
    }

    @ApplicationModuleListener
    void on(BundleReceived received) {
        threads.add(Thread.currentThread().getName());
        if (failNext.compareAndSet(true, false)) {
            throw new IllegalStateException("the handler is down for a moment (test)");
        }
        heard.add(received);
    }
}
