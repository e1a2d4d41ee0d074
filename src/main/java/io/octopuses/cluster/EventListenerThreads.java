package io.octopuses.cluster;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the asynchronous event listeners ({@code @ApplicationModuleListener}, so {@code @Async}) run on: at
 * most {@code octopuses.events.listener-threads} at once, the other events queued (nothing is refused; an event is
 * stored before it is handed out, see {@link EventPublicationRetry}). Without it Spring fell back to a new thread for
 * every event (Camunda's own task executor made the choice of a default ambiguous): 50 promotions at once started as
 * many listener threads, each holding a database connection while the job executor needed its own, and the pool ran
 * dry for 30 s (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class EventListenerThreads implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventListenerThreads(@Value("${octopuses.events.listener-threads:16}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("octopuses.events.listener-threads must be at least 1");
        }
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setThreadNamePrefix("event-listener-");
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
