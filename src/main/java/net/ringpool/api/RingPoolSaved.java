package net.ringpool.api;

import net.ringpool.pool.RingPool;

/**
 * Published inside the transaction that creates or updates a RingPool, so that other features of
 * {@code serve} (local-number allocation) can follow the pool's settings, their writes committing or rolling
 * back with the pool's: one commit per write, and no pool without its number schedule after a crash. The pool
 * carries its {@code id} and {@code api_key}.
 */
public record RingPoolSaved(String networkId, String advertiserId, String campaignId, RingPool pool) {
}
