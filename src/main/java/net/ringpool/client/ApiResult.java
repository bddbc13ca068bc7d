package net.ringpool.client;

/**
 * The final answer to one API call after retries.
 *
 * @param status the HTTP status of the last answer, or 0 when the last attempt got no answer
 * @param body the last answer's body ("" when none)
 * @param attempts how many requests were sent
 * @param failure what went wrong on the wire when {@code status} is 0 (never holds the token)
 * @param unreachable the last attempt could not even connect: nothing listens where the API should be
 */
public record ApiResult(int status, String body, int attempts, String failure, boolean unreachable) {

    public ApiResult(int status, String body, int attempts, String failure) {
        this(status, body, attempts, failure, false);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A 4xx that retrying cannot fix (429 excluded: it is retried). */
    public boolean isPermanentFailure() {
        return status >= 400 && status < 500 && status != 429;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    /** Retries ran out on timeouts, connection errors, 5xx or 429. */
    public boolean isTransientFailure() {
        return !isSuccess() && !isPermanentFailure();
    }

    static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    /** A one-line description for an outcome message. */
    public String describe() {
        if (status == 0) {
            return failure;
        }
        return body == null || body.isBlank() ? "HTTP " + status : body.strip();
    }
}
