package net.ringpool.client;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * {@code --rate-limit} as the client keeps it. A 429 says the token's rate is spent, whoever spent it: another
 * worker on the same token, another program. So the rate halves after a 429 (at most once per period of the
 * limiter, down to one request per period) and grows back by one for every period's worth of other answers, up
 * to the rate asked for. Without it two workers sharing a token each kept their own rate, and 56 of 1,000 rows
 * outlasted {@code --max-attempts} (README, scale-out).
 */
final class AdaptiveRate {

    private final RateLimiter limiter;
    private final int ceiling;
    private final long periodNanos;
    private final LongSupplier nanoClock;
    private int limit;
    private int answersSinceChange;
    private long lastCut;

    AdaptiveRate(double perSecond, LongSupplier nanoClock) {
        this.ceiling = (int) Math.max(1, Math.floor(perSecond));
        this.periodNanos = (long) (ceiling * 1_000_000_000L / perSecond);
        this.limiter = RateLimiter.of("ringpool-api-client", RateLimiterConfig.custom()
                .limitForPeriod(ceiling)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(Duration.ofDays(1))
                .build());
        this.limit = ceiling;
        this.nanoClock = nanoClock;
        this.lastCut = nanoClock.getAsLong() - periodNanos;
    }

    /** Reserves a permit: nanoseconds to wait before sending, 0 for none. */
    long reserve() {
        return limiter.reservePermission();
    }

    /** The API's answer to a request, 0 for none (a transport failure, which moves the rate neither way). */
    synchronized void answered(int status) {
        if (status == 429) {
            long now = nanoClock.getAsLong();
            if (limit > 1 && now - lastCut >= periodNanos) {
                change(Math.max(1, limit / 2));
                lastCut = now;
            }
        } else if (status != 0 && limit < ceiling && ++answersSinceChange >= limit) {
            change(limit + 1);
        }
    }

    /** Requests allowed per period now. */
    synchronized int limitForPeriod() {
        return limit;
    }

    private void change(int newLimit) {
        limit = newLimit;
        answersSinceChange = 0;
        limiter.changeLimitForPeriod(newLimit);
    }
}
