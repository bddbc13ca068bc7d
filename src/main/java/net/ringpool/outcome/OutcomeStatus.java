package net.ringpool.outcome;

/** How one input row ended (PRODUCT.md section 5). */
public enum OutcomeStatus {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    INVALID,
    REJECTED,
    FAILED,
    /** Only in a dry run: the row passed validation and nothing was sent. */
    VALID;

    /** Whether the row counts against {@code --skip-limit} and makes a completed import exit 3. */
    public boolean isProblem() {
        return this == INVALID || this == REJECTED || this == FAILED;
    }
}
