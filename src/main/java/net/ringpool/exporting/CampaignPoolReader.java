package net.ringpool.exporting;

import java.util.Collections;
import java.util.Iterator;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the pools of the selected campaigns as rows, campaign after campaign in the export order, and
 * records how each campaign ended. A campaign the API refuses or cannot serve is recorded and passed
 * over; the export stops (exit 1) when the API refuses the token, or when it looks unavailable: several
 * campaigns in a row failed after their retries, or no campaign could be read at all.
 */
class CampaignPoolReader implements ItemStreamReader<PoolRow> {

    /** Campaigns in a row whose retries ran out before the export concludes the API is down. */
    static final int UNAVAILABLE_AFTER = 3;

    private final PoolFetcher fetcher;
    private final CampaignSelection selection;
    private final CampaignOutcomeRecorder recorder;
    private final String networkId;

    private Stream<CampaignPools> stream;
    private Iterator<CampaignPools> campaigns;
    private Iterator<PoolRow> rows = Collections.emptyIterator();
    private int failedInARow;
    private int readable;
    private int unavailable;
    private String lastFailure;

    CampaignPoolReader(PoolFetcher fetcher, CampaignSelection selection, CampaignOutcomeRecorder recorder,
            String networkId) {
        this.fetcher = fetcher;
        this.selection = selection;
        this.recorder = recorder;
        this.networkId = networkId;
    }

    static ExportFailedException unauthorized(String networkId) {
        return new ExportFailedException("the API refused the token for network " + networkId
                + " (HTTP 401 Not authorized); check $INVOCA_API_TOKEN or --token-file");
    }

    @Override
    public void open(ExecutionContext executionContext) {
        stream = fetcher.fetch(selection).toStream(1);
        campaigns = stream.iterator();
        rows = Collections.emptyIterator();
    }

    @Override
    public PoolRow read() {
        while (!rows.hasNext()) {
            if (!campaigns.hasNext()) {
                if (readable == 0 && unavailable > 0) {
                    throw new ExportFailedException("the API is unavailable: no campaign could be read; the last "
                            + "failure: " + lastFailure);
                }
                return null;
            }
            rows = accept(campaigns.next());
        }
        return rows.next();
    }

    private Iterator<PoolRow> accept(CampaignPools campaign) {
        CampaignOutcome outcome = campaign.outcome();
        recorder.record(outcome);
        if (campaign.unauthorized()) {
            throw unauthorized(networkId);
        }
        if (outcome.status() == CampaignStatus.FAILED && campaign.result().isTransientFailure()) {
            unavailable++;
            failedInARow++;
            lastFailure = outcome.campaign() + ": " + outcome.message();
            if (failedInARow >= UNAVAILABLE_AFTER) {
                throw new ExportFailedException("the API is unavailable: " + failedInARow
                        + " campaigns in a row failed after their retries; the last, " + lastFailure);
            }
        } else {
            readable++;
            failedInARow = 0;
        }
        return campaign.rows().iterator();
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
