package net.ringpool.importing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import net.ringpool.cli.SpringLauncher;
import net.ringpool.client.RingPoolClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Runs a {@code worker}: takes partitions of remote imports from the queue until the process is stopped. */
public final class Worker {

    private Worker() {
    }

    /**
     * @param database the Spring datasource properties of the shared job database
     * @param started called once the worker listens on the queue
     */
    public static void run(WorkerSettings settings, Map<String, Object> database, boolean debug, Runnable started)
            throws InterruptedException {
        Map<String, Object> properties = new LinkedHashMap<>(database);
        if (!debug) {
            properties.put("logging.level.org.springframework.batch", "ERROR");
            properties.put("logging.level.reactor.core.publisher.Operators", "OFF");
            properties.putAll(RingPoolClient.QUIET_CONNECTION_LOGS);
        }
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = SpringLauncher.start(WorkerApplication.class,
                WebApplicationType.NONE, properties, ctx -> {
                    ctx.getBeanFactory().registerSingleton("workerSettings", settings);
                    ctx.addApplicationListener(event -> {
                        if (event instanceof ContextClosedEvent) {
                            closed.countDown();
                        }
                    });
                }, debug);
        started.run();
        try {
            closed.await();
        } finally {
            context.close();
        }
    }
}
