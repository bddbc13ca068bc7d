package net.ringpool.cli;

/** The exit codes every command shares (PRODUCT.md section 1). */
public final class ExitCode {

    /** Completed; every row succeeded or was unchanged. */
    public static final int OK = 0;
    /** The job failed or stopped; it can be restarted. */
    public static final int FAILED = 1;
    /** Usage error or unusable input; nothing was sent. */
    public static final int USAGE = 2;
    /** Completed, but some rows ended INVALID, REJECTED or FAILED. */
    public static final int ROWS_FAILED = 3;

    private ExitCode() {
    }
}
