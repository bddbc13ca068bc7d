package net.ringpool.importing;

import net.ringpool.client.ApiError;
import net.ringpool.client.ApiResult;
import net.ringpool.outcome.OutcomeStatus;

/**
 * How sending one row ended.
 *
 * @param httpStatus the deciding answer's status; null when no answer decided it
 * @param attempts every request sent for the row, retries and look-ups included
 * @param tokenRefused the API answered 401: the token is wrong for the whole job, not for this row
 * @param apiUnreachable the last attempt could not connect: the API is down for every row, not for this one
 */
record SendResult(OutcomeStatus status, Integer httpStatus, int attempts, String message, boolean tokenRefused,
        boolean apiUnreachable) {

    SendResult(OutcomeStatus status, Integer httpStatus, int attempts, String message, boolean tokenRefused) {
        this(status, httpStatus, attempts, message, tokenRefused, false);
    }

    static SendResult of(OutcomeStatus status, Integer httpStatus, int attempts, String message) {
        return new SendResult(status, httpStatus, attempts, message, false);
    }

    /** A request that did not succeed: 401 stops the job, another 4xx rejects the row, the rest failed after retries. */
    static SendResult unsuccessful(ApiResult result, int attempts) {
        Integer status = result.status() == 0 ? null : result.status();
        if (result.isUnauthorized()) {
            return new SendResult(OutcomeStatus.FAILED, status, attempts, ApiError.describe(result), true);
        }
        if (result.isPermanentFailure()) {
            return of(OutcomeStatus.REJECTED, status, attempts, ApiError.describe(result));
        }
        return new SendResult(OutcomeStatus.FAILED, status, attempts,
                "gave up after " + result.attempts() + " attempts: " + ApiError.describe(result), false,
                result.unreachable());
    }
}
