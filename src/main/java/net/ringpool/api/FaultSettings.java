package net.ringpool.api;

/**
 * Faults {@code serve} injects into the RingPools API for tests and rehearsals; all off by default.
 * Shares are probabilities from 0 to 1, drawn from a generator seeded with {@code seed} so runs repeat.
 *
 * @param latencyMillis delay added before every API answer
 * @param failRate share of requests answered 503
 * @param throttleRate share of requests answered 429 with Retry-After
 * @param rateLimit requests per second allowed per token, 0 for no limit; beyond it 429
 * @param dropRate share of requests whose connection is closed without an answer
 * @param retryAfterSeconds the Retry-After sent with injected 429 answers
 * @param spikeRate share of requests held {@code spikeMillis} longer, as a production API stalls now and then
 * @param spikeMillis the extra delay of a latency spike
 */
public record FaultSettings(long latencyMillis, double failRate, double throttleRate, double rateLimit,
        double dropRate, long seed, int retryAfterSeconds, double spikeRate, long spikeMillis) {

    /** Faults without latency spikes. */
    public FaultSettings(long latencyMillis, double failRate, double throttleRate, double rateLimit, double dropRate,
            long seed, int retryAfterSeconds) {
        this(latencyMillis, failRate, throttleRate, rateLimit, dropRate, seed, retryAfterSeconds, 0, 0);
    }

    public static FaultSettings none() {
        return new FaultSettings(0, 0, 0, 0, 0, 1, 1);
    }

    public boolean any() {
        return latencyMillis > 0 || failRate > 0 || throttleRate > 0 || rateLimit > 0 || dropRate > 0
                || (spikeRate > 0 && spikeMillis > 0);
    }
}
