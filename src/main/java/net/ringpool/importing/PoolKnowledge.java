package net.ringpool.importing;

import java.util.Collection;

/**
 * What the writer knows about the API's pools before it sends a chunk's rows, from campaign lists:
 * {@link CampaignPools} for {@code --only-changed}, {@link LocalPoolIds} otherwise. Rows of one chunk are
 * sent concurrently, so implementations lock.
 */
interface PoolKnowledge {

    /**
     * Reads what these rows need, before any of them is sent.
     *
     * @throws TokenRefusedException when the API answers 401
     */
    void load(Collection<PoolRequest> rows);

    /** What is known about the row's pool; {@link CurrentPool#UNKNOWN} sends the row as if nothing were. */
    CurrentPool current(PoolRequest row);

    /** Keeps the knowledge in step with a row just sent, for later rows of the same pool. */
    void remember(PoolRequest row, SendResult result);
}
