package net.ringpool.exporting;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The campaign outcomes of exports, in table {@code ringpool_export_outcome}. */
class ExportOutcomeRepository {

    static final int MAX_MESSAGE_LENGTH = 2000;

    private final JdbcClient jdbc;

    ExportOutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long jobExecutionId, CampaignOutcome outcome) {
        jdbc.sql("INSERT INTO ringpool_export_outcome (job_execution_id, advertiser_id_from_network, "
                        + "advertiser_campaign_id_from_network, status, http_status, attempts, pool_count, message, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(jobExecutionId, outcome.advertiserId(), outcome.campaignId(), outcome.status().name(),
                        outcome.httpStatus(), outcome.attempts(), outcome.poolCount(), shorten(outcome.message()),
                        OffsetDateTime.now())
                .update();
    }

    /** Counts of one execution's outcomes by status. */
    Counts counts(long jobExecutionId) {
        return jdbc.sql("SELECT COALESCE(SUM(CASE WHEN status = 'EXPORTED' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN status <> 'EXPORTED' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(pool_count), 0) FROM ringpool_export_outcome WHERE job_execution_id = ?")
                .param(jobExecutionId)
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
                .single();
    }

    /** The campaigns of one execution that could not be read, in the order they were recorded. */
    List<CampaignOutcome> failures(long jobExecutionId, int limit) {
        return jdbc.sql("SELECT advertiser_id_from_network, advertiser_campaign_id_from_network, status, http_status, "
                        + "attempts, pool_count, message FROM ringpool_export_outcome "
                        + "WHERE job_execution_id = ? AND status <> 'EXPORTED' ORDER BY id")
                .param(jobExecutionId)
                .query((rs, n) -> new CampaignOutcome(rs.getString(1), rs.getString(2),
                        CampaignStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getString(7)))
                .stream()
                .limit(limit)
                .toList();
    }

    record Counts(int exported, int failed, long pools) {
    }

    private static String shorten(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }
}
