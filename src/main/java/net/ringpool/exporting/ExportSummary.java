package net.ringpool.exporting;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import net.ringpool.cli.ExitCode;

/**
 * The end of one export, as the command reports it.
 *
 * @param failures the campaigns that could not be read (at most {@link #LISTED_FAILURES} of them)
 * @param failure why the job failed or stopped, else null
 */
public record ExportSummary(long jobExecutionId, boolean completed, Path file, int campaignsExported,
        int campaignsFailed, long pools, Duration elapsed, List<CampaignOutcome> failures, String failure) {

    static final int LISTED_FAILURES = 50;

    public int exitCode() {
        if (!completed) {
            return ExitCode.FAILED;
        }
        return campaignsFailed > 0 ? ExitCode.ROWS_FAILED : ExitCode.OK;
    }

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? pools / seconds : 0;
    }

    /** The summary on {@code out}; on failure one line naming the cause on {@code err}. */
    public void print(PrintWriter out, PrintWriter err) {
        String seconds = String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        if (!completed) {
            err.println("error: " + failure);
            out.printf(Locale.ROOT, "export failed after %s (job execution %d): %s was not written%s%n", seconds,
                    jobExecutionId, file,
                    campaignsFailed + campaignsExported > 0 ? "; " + campaigns() + " were read before" : "");
            out.println("Nothing was left behind; run the same command again to export anew.");
        } else {
            String from = campaignsFailed == 0 ? campaigns()
                    : String.format(Locale.ROOT, "%,d of %s", campaignsExported, campaigns());
            out.printf(Locale.ROOT, "exported %,d %s from %s to %s%n", pools, pools == 1 ? "pool" : "pools", from,
                    file);
            out.printf(Locale.ROOT, "elapsed %s, %,.0f rows/s (job execution %d)%n", seconds, rowsPerSecond(),
                    jobExecutionId);
        }
        if (campaignsFailed > 0) {
            out.printf(Locale.ROOT, "%d %s could not be read:%n", campaignsFailed,
                    campaignsFailed == 1 ? "campaign" : "campaigns");
            for (CampaignOutcome outcome : failures) {
                out.printf(Locale.ROOT, "  %s  %s  HTTP %s, %d %s: %s%n", outcome.campaign(), outcome.status(),
                        outcome.httpStatus() == 0 ? "-" : outcome.httpStatus(), outcome.attempts(),
                        outcome.attempts() == 1 ? "attempt" : "attempts", outcome.message());
            }
            if (campaignsFailed > failures.size()) {
                out.printf(Locale.ROOT, "  ... and %d more (table ringpool_export_outcome, job_execution_id %d)%n",
                        campaignsFailed - failures.size(), jobExecutionId);
            }
        }
        out.flush();
        err.flush();
    }

    private String campaigns() {
        int total = campaignsExported + campaignsFailed;
        return String.format(Locale.ROOT, "%,d %s", total, total == 1 ? "campaign" : "campaigns");
    }
}
