package net.ringpool.importing;

import java.util.Map;

import net.ringpool.client.PoolJson;
import net.ringpool.pool.RingPool;

/**
 * A row after validation: what to send for it, or why nothing can be sent.
 *
 * @param actionText the action as recorded in the outcome (the cell as read when it names no action)
 * @param action the parsed action; null when the row is invalid because of it
 * @param pool the validated pool; null for a delete or an invalid row
 * @param cells the row's cells by column, as the validator read them into {@code pool}; null when pool is
 *     null
 * @param problem every problem of an invalid row in one message, or null
 */
record PoolRequest(int fileIndex, long line, String advertiserId, String campaignId, String idFromNetwork,
        String actionText, RowAction action, RingPool pool, Map<String, String> cells, String problem) {

    boolean isInvalid() {
        return problem != null;
    }

    /**
     * The JSON body of a create or update, null for a delete or an invalid row; made when the row is sent, as
     * most rows of an {@code --only-changed} run are not.
     */
    Map<String, Object> body() {
        return pool == null ? null : PoolJson.requestBody(pool);
    }
}
