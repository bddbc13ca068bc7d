package net.ringpool.numbers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.convert.DurationStyle;

/** The Spring property by which {@code serve} sets how long after a pool's save its numbers are allocated. */
public final class AllocationProperties {

    public static final String DELAY = "ringpool.serve.allocation-delay";
    /** Invoca allocates local numbers "approx. 10 minutes" after the POST. */
    public static final Duration DEFAULT_DELAY = Duration.ofMinutes(10);

    private AllocationProperties() {
    }

    /**
     * Reads a delay given as seconds ({@code 5}, {@code 0.5}) or as a duration ({@code 10m}, {@code 90s},
     * {@code 500ms}, {@code PT10M}).
     *
     * @throws IllegalArgumentException when the text is neither, or negative
     */
    public static Duration parseDelay(String text) {
        String trimmed = text.strip();
        Duration delay;
        try {
            delay = trimmed.matches("\\d+(\\.\\d+)?")
                    ? Duration.ofNanos(new BigDecimal(trimmed).movePointRight(9).longValueExact())
                    : DurationStyle.detectAndParse(trimmed, ChronoUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + text);
        }
        return delay;
    }
}
