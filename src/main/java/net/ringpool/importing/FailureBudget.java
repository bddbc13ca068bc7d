package net.ringpool.importing;

import java.util.List;

import net.ringpool.outcome.OutcomeStatus;
import net.ringpool.outcome.RowOutcome;

/**
 * When an import must stop instead of recording failure after failure: a 401 (the token is wrong for
 * every row), a row whose retries ended unable to connect (the API is down), a run of rows that failed
 * after every retry (the API keeps failing), or more problem rows
 * (INVALID, REJECTED, FAILED) in the whole run than {@code --skip-limit} allows.
 */
class FailureBudget {

    private final String networkId;
    private final long skipLimit;
    private final int maxConsecutiveFailures;
    private long problems;
    private int failuresInARow;

    /**
     * @param skipLimit problem rows allowed in the whole run (all its executions); negative for no limit
     * @param problemsSoFar problem rows earlier executions of the run recorded
     */
    FailureBudget(String networkId, long skipLimit, int maxConsecutiveFailures, long problemsSoFar) {
        this.networkId = networkId;
        this.skipLimit = skipLimit;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.problems = problemsSoFar;
    }

    /**
     * Takes the result of a row sent to the API, in the order results arrive.
     *
     * @throws ImportStoppedException when the token was refused, the API is unreachable or too many rows in a row
     *         failed
     */
    void onSent(SendResult result) {
        if (result.tokenRefused()) {
            throw new TokenRefusedException(networkId);
        }
        if (result.apiUnreachable()) {
            // recording FAILED would end the row for good; rolled back, the chunk is sent again on resume
            throw new ImportStoppedException("the API is unreachable (" + result.message() + ")");
        }
        if (result.status() == OutcomeStatus.FAILED) {
            failuresInARow++;
            if (failuresInARow >= maxConsecutiveFailures) {
                throw new ImportStoppedException("the API keeps failing: " + failuresInARow
                        + " rows in a row failed after every retry (last: " + result.message() + ")");
            }
        } else if (result.attempts() > 0) {
            failuresInARow = 0;
        }
    }

    /** Counts the problem rows of a chunk about to be recorded. */
    void onRecorded(List<RowOutcome> outcomes) {
        problems += outcomes.stream().filter(outcome -> outcome.status().isProblem()).count();
    }

    boolean skipLimitPassed() {
        return skipLimit >= 0 && problems > skipLimit;
    }

    String skipLimitMessage() {
        return "skip limit passed: " + problems + " rows ended INVALID, REJECTED or FAILED (--skip-limit "
                + skipLimit + ")";
    }
}
