package net.ringpool.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AdaptiveRateTests {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(5 * SECOND);

    @Test
    void a429HalvesTheRateOncePerPeriod() {
        AdaptiveRate rate = new AdaptiveRate(18, clock::get);

        // when two 429s arrive within the same second, then one more after it
        rate.answered(429);
        rate.answered(429);
        int afterTheFirstSecond = rate.limitForPeriod();
        clock.addAndGet(SECOND);
        rate.answered(429);

        // then the rate halved once, then again
        assertThat(afterTheFirstSecond).isEqualTo(9);
        assertThat(rate.limitForPeriod()).isEqualTo(4);
    }

    @Test
    void otherAnswersRaiseItByOnePerPeriodsWorthBackToTheRateAskedFor() {
        AdaptiveRate rate = new AdaptiveRate(18, clock::get);
        rate.answered(429);

        // when 8 answers come, then a ninth, then very many
        for (int i = 0; i < 8; i++) {
            rate.answered(201);
        }
        int afterEight = rate.limitForPeriod();
        rate.answered(404);
        int afterNine = rate.limitForPeriod();
        for (int i = 0; i < 1_000; i++) {
            rate.answered(200);
        }

        // then: 9 answers at 9 per second raise it to 10, and it stops at 18
        assertThat(afterEight).isEqualTo(9);
        assertThat(afterNine).isEqualTo(10);
        assertThat(rate.limitForPeriod()).isEqualTo(18);
    }

    @Test
    void itNeverFallsBelowOneRequestPerPeriodAndTransportFailuresMoveNothing() {
        AdaptiveRate rate = new AdaptiveRate(3, clock::get);

        // when 429s come a second apart, and then transport failures
        for (int i = 0; i < 5; i++) {
            rate.answered(429);
            clock.addAndGet(SECOND);
        }
        int afterThe429s = rate.limitForPeriod();
        for (int i = 0; i < 10; i++) {
            rate.answered(0);
        }

        // then
        assertThat(afterThe429s).isEqualTo(1);
        assertThat(rate.limitForPeriod()).isEqualTo(1);
    }
}
