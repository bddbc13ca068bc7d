package net.ringpool.numbers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the allocations that are due. The schedule lives in the database ({@code number_pool.allocate_after}),
 * so a pending allocation survives a restart and several {@code serve}s on one database share the work.
 * Pools are allocated in parallel; a failed allocation is tried again a little later.
 */
@Component
class AllocationScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AllocationScheduler.class);
    private static final int WORKERS = 4;
    private static final int BATCH = 100;
    /** An allocation started this long ago and never finished died with its serve. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    private final NumberPoolStore pools;
    private final Allocator allocator;
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    AllocationScheduler(NumberPoolStore pools, Allocator allocator,
            @Value("${" + AllocationProperties.DELAY + ":PT10M}") Duration delay) {
        this.pools = pools;
        this.allocator = allocator;
        // look often enough that a short test delay is honoured closely, never busier than 20 times a second
        this.pollInterval = clamp(delay.dividedBy(10), Duration.ofMillis(50), Duration.ofSeconds(1));
        this.retryDelay = clamp(delay, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    @Override
    public synchronized void start() {
        int abandoned = pools.rescheduleAbandoned(OffsetDateTime.now().minus(ABANDONED), OffsetDateTime.now());
        if (abandoned > 0) {
            log.info("rescheduled {} allocations that an earlier serve left unfinished", abandoned);
        }
        workers = Executors.newFixedThreadPool(WORKERS, threads("number-allocation"));
        poller = Executors.newSingleThreadScheduledExecutor(threads("number-allocation-poll"));
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        poller.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private void poll() {
        try {
            for (Long id : pools.due(OffsetDateTime.now(), BATCH)) {
                if (running.add(id)) {
                    workers.execute(() -> allocate(id));
                }
            }
        } catch (RuntimeException e) {
            log.warn("cannot read the due allocations: {}", e.toString());
        }
    }

    private void allocate(long id) {
        try {
            if (pools.start(id, OffsetDateTime.now())) {
                allocator.allocate(id);
                pools.finish(id, OffsetDateTime.now());
            }
        } catch (RuntimeException e) {
            log.warn("allocation of pool {} failed, trying again in {}: {}", id, retryDelay, e.toString());
            try {
                pools.retryAt(id, OffsetDateTime.now().plus(retryDelay));
            } catch (RuntimeException again) {
                log.warn("cannot reschedule pool {}: {}", id, again.toString());
            }
        } finally {
            running.remove(id);
        }
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
