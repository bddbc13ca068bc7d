package net.ringpool.api;

import net.ringpool.pool.RingPool;

/**
 * Published after a create or update of a RingPool has committed, so that other features of
 * {@code serve} (local-number allocation) can follow the pool's settings. The pool carries its
 * {@code id} and {@code api_key}.
 */
public record RingPoolSaved(String networkId, String advertiserId, String campaignId, RingPool pool) {
}
