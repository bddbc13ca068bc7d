package net.ringpool.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The gate's arithmetic on a clock the test moves. */
class RequestGateTests {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Scheduler timer = Schedulers.newSingle("gate-test-timer");
    private final List<Disposable> subscriptions = new ArrayList<>();

    @AfterEach
    void stopTimer() {
        subscriptions.forEach(Disposable::dispose);
        timer.dispose();
    }

    @Test
    void grantsAtMostTheCeilingAtOnce() {
        RequestGate gate = new RequestGate(4, clock::get, timer);

        List<RequestGate.Ticket> granted = enter(gate, false, 5);

        assertThat(granted).hasSize(4);
        granted.get(0).answer(200, null);
        granted.get(0).release();
        assertThat(granted).hasSize(5);
    }

    @Test
    void a429HalvesTheLimitOncePerRoundDownToAQuarterOfTheCeiling() {
        RequestGate gate = new RequestGate(16, clock::get, timer);
        List<RequestGate.Ticket> firstRound = enter(gate, false, 16);

        // two 429s of the same round: one halving
        throttle(firstRound.get(0));
        throttle(firstRound.get(1));
        assertThat(gate.limit()).isEqualTo(8);
        firstRound.subList(2, 16).forEach(RequestGate.Ticket::release);

        // a request sent after the halving, refused too: another halving, then no lower than the floor
        RequestGate.Ticket secondRound = enter(gate, false, 1).get(0);
        throttle(secondRound);
        assertThat(gate.limit()).isEqualTo(4);
        throttle(enter(gate, false, 1).get(0));
        assertThat(gate.limit()).isEqualTo(4);
    }

    @Test
    void otherAnswersRaiseTheLimitByAboutOnePerLimitsWorth() {
        RequestGate gate = new RequestGate(16, clock::get, timer);
        List<RequestGate.Ticket> round = enter(gate, false, 16);
        throttle(round.get(0));
        assertThat(gate.limit()).isEqualTo(8);

        for (int i = 1; i <= 9; i++) {
            round.get(i).answer(201, null);
            round.get(i).release();
        }
        assertThat(gate.limit()).isEqualTo(9);

        // a transport failure says nothing about the API's limit
        round.get(10).answer(0, null);
        round.get(10).release();
        assertThat(gate.limit()).isEqualTo(9);
    }

    @Test
    void retryAfterHoldsEveryRequestAndThenRetriesGoFirst() {
        RequestGate gate = new RequestGate(4, clock::get, timer);
        List<RequestGate.Ticket> round = enter(gate, false, 2);
        round.get(0).answer(429, Duration.ofSeconds(1));
        round.get(0).release();
        round.get(1).answer(200, null);
        round.get(1).release();
        assertThat(gate.pausedFor()).isEqualTo(1_000_000_000L);

        // while paused nothing is granted, though places are free
        List<RequestGate.Ticket> firstAttempts = enter(gate, false, 2);
        List<RequestGate.Ticket> retries = enter(gate, true, 1);
        assertThat(firstAttempts).isEmpty();
        assertThat(retries).isEmpty();

        // after the pause the retry goes before the first attempts that waited longer; the limit is down to 2
        clock.addAndGet(1_000_000_000L);
        gate.drain();
        assertThat(retries).hasSize(1);
        assertThat(firstAttempts).hasSize(1);
        assertThat(gate.pausedFor()).isZero();
    }

    @Test
    void aCancelledWaiterGivesItsPlaceBack() {
        RequestGate gate = new RequestGate(1, clock::get, timer);
        RequestGate.Ticket holder = enter(gate, false, 1).get(0);
        List<RequestGate.Ticket> cancelled = enter(gate, false, 1);
        subscriptions.remove(subscriptions.size() - 1).dispose();
        List<RequestGate.Ticket> next = enter(gate, false, 1);

        holder.answer(200, null);
        holder.release();
        // and releasing twice frees one place only
        holder.release();

        assertThat(cancelled).isEmpty();
        assertThat(next).hasSize(1);
        assertThat(enter(gate, false, 1)).isEmpty();
    }

    private List<RequestGate.Ticket> enter(RequestGate gate, boolean retry, int count) {
        List<RequestGate.Ticket> granted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subscriptions.add(gate.enter(retry).subscribe(granted::add));
        }
        return granted;
    }

    private static void throttle(RequestGate.Ticket ticket) {
        ticket.answer(429, null);
        ticket.release();
    }
}
