package net.ringpool.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * How many requests the client has in flight, and when it sends none. At most {@code ceiling} at once; after a
 * 429 the limit halves, down to a quarter of the ceiling, and grows back by one for every limit's worth of
 * other answers (additive increase, multiplicative decrease: one halving per round of requests, not per 429).
 * A 429's {@code Retry-After} holds back every request until it has passed: a rate limit speaks of the token,
 * not of one request, so whatever was sent meanwhile would be refused too and spend one of its attempts.
 * Retries go before first attempts, so that a request refused once is not refused again for arriving late.
 */
final class RequestGate {

    private static final Comparator<Waiter> ORDER = Comparator.comparing(Waiter::retry).reversed()
            .thenComparingLong(Waiter::sequence);

    private final int ceiling;
    private final int floor;
    private final LongSupplier nanoClock;
    private final Scheduler timer;
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(ORDER);
    private double limit;
    private int inFlight;
    private long sequence;
    private long grants;
    private long grantsAtLastDecrease;
    private long pausedUntil;
    private boolean wakeScheduled;

    RequestGate(int ceiling, LongSupplier nanoClock, Scheduler timer) {
        this.ceiling = Math.max(1, ceiling);
        this.floor = Math.max(1, this.ceiling / 4);
        this.limit = this.ceiling;
        this.nanoClock = nanoClock;
        this.timer = timer;
        this.pausedUntil = nanoClock.getAsLong();
    }

    /** A place among the requests in flight, when one is free; release the ticket when the answer is in. */
    Mono<Ticket> enter(boolean retry) {
        return Mono.create(sink -> {
            Waiter waiter;
            synchronized (this) {
                waiter = new Waiter(retry, sequence++, sink);
                waiters.add(waiter);
            }
            sink.onCancel(() -> {
                Ticket granted;
                synchronized (this) {
                    waiters.remove(waiter);
                    granted = waiter.ticket;
                }
                if (granted != null) {
                    granted.release();
                }
            });
            drain();
        });
    }

    /** The requests allowed in flight now. */
    synchronized int limit() {
        return (int) limit;
    }

    /** Nanoseconds until requests may be sent again after a 429, 0 when they may. */
    synchronized long pausedFor() {
        return Math.max(0, pausedUntil - nanoClock.getAsLong());
    }

    /** Grants what the limit and any pause allow; runs on every entry, release and wake-up. */
    void drain() {
        List<Waiter> granted = new ArrayList<>();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (now - pausedUntil < 0) {
                scheduleWake(pausedUntil - now);
                return;
            }
            while (inFlight < (int) limit && !waiters.isEmpty()) {
                Waiter next = waiters.poll();
                next.ticket = new Ticket(grants++);
                inFlight++;
                granted.add(next);
            }
        }
        for (Waiter waiter : granted) {
            waiter.sink.success(waiter.ticket);
        }
    }

    private void scheduleWake(long nanos) {
        if (!wakeScheduled && !waiters.isEmpty()) {
            wakeScheduled = true;
            timer.schedule(() -> {
                synchronized (this) {
                    wakeScheduled = false;
                }
                drain();
            }, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void answered(Ticket ticket, int status, Duration retryAfter) {
        synchronized (this) {
            inFlight--;
            long now = nanoClock.getAsLong();
            if (status == 429) {
                if (ticket.grant >= grantsAtLastDecrease) {
                    limit = Math.max(floor, limit / 2);
                    grantsAtLastDecrease = grants;
                }
                if (retryAfter != null && now + retryAfter.toNanos() - pausedUntil > 0) {
                    pausedUntil = now + retryAfter.toNanos();
                }
            } else if (status != 0) {
                limit = Math.min(ceiling, limit + 1 / limit);
            }
        }
        drain();
    }

    /** One request's place in flight. */
    final class Ticket {

        private final long grant;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile int status;
        private volatile Duration retryAfter;

        private Ticket(long grant) {
            this.grant = grant;
        }

        /** The API's answer, 0 for none (a transport failure, which moves the limit neither way). */
        void answer(int status, Duration retryAfter) {
            this.status = status;
            this.retryAfter = retryAfter;
        }

        /** Frees the place; the answer recorded before, if any, moves the limit. Only the first call counts. */
        void release() {
            if (released.compareAndSet(false, true)) {
                answered(this, status, retryAfter);
            }
        }
    }

    private static final class Waiter {

        private final boolean retry;
        private final long sequence;
        private final MonoSink<Ticket> sink;
        private Ticket ticket;

        Waiter(boolean retry, long sequence, MonoSink<Ticket> sink) {
            this.retry = retry;
            this.sequence = sequence;
            this.sink = sink;
        }

        boolean retry() {
            return retry;
        }

        long sequence() {
            return sequence;
        }
    }
}
