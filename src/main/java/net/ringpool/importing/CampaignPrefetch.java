package net.ringpool.importing;

import net.ringpool.pool.CsvLayout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * For {@code --only-changed}: reads the step's input ahead of it, on a thread of its own, and names the
 * campaigns coming up to {@link CampaignPools}, so that their lists are read while earlier chunks are
 * compared. Without it a chunk waits for its campaign's list, and with chunks smaller than campaigns the
 * step waits out one API round trip after another. It starts where the step starts (a resumed step, a
 * partition's slice) and is only an optimisation: when it fails, or falls behind, chunks read what they need.
 */
final class CampaignPrefetch {

    private static final Logger log = LoggerFactory.getLogger(CampaignPrefetch.class);

    private static final long STOP_WAIT_MILLIS = 10_000;

    private final CsvRowReader input;
    private final CampaignPools pools;
    private Thread reader;

    /** @param input a reader of its own over the step's files, with the step's CSV options */
    CampaignPrefetch(CsvRowReader input, CampaignPools pools) {
        this.input = input;
        this.pools = pools;
    }

    /** Starts reading where the step starts; nothing when it is reading already (see {@link CampaignWarmUp}). */
    void start(StepExecution step) {
        start(new ExecutionContext(step.getExecutionContext()));
    }

    /** Starts reading at the beginning of the input, before any step exists. */
    void startAtTheBeginning() {
        start(new ExecutionContext());
    }

    private synchronized void start(ExecutionContext from) {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> readAhead(from), "campaign-prefetch");
        reader.setDaemon(true);
        reader.start();
    }

    synchronized void stop() {
        if (reader != null) {
            reader.interrupt();
        }
    }

    /** Stops, and waits until no campaign is named any more (a read of the file in progress ends first). */
    void stopAndWait() {
        Thread stopping;
        synchronized (this) {
            stopping = reader;
        }
        if (stopping == null) {
            return;
        }
        stopping.interrupt();
        try {
            stopping.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    CampaignPools pools() {
        return pools;
    }

    private void readAhead(ExecutionContext from) {
        try {
            input.open(from);
            CampaignPools.Campaign last = null;
            CsvRow row;
            while ((row = input.read()) != null && !Thread.currentThread().isInterrupted()) {
                String advertiserId = row.value(CsvLayout.ADVERTISER_ID);
                String campaignId = row.value(CsvLayout.CAMPAIGN_ID);
                if (row.problem() != null || isBlank(advertiserId) || isBlank(campaignId)) {
                    continue;
                }
                CampaignPools.Campaign campaign = new CampaignPools.Campaign(advertiserId, campaignId);
                if (!campaign.equals(last)) {
                    pools.prefetch(campaign);
                    last = campaign;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            log.debug("reading campaigns ahead stopped; chunks read their own", failed);
        } finally {
            input.close();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
