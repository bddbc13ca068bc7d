package net.ringpool.numbers;

import java.time.Duration;
import java.time.OffsetDateTime;

import net.ringpool.api.RingPoolSaved;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the RingPools the API saves: a new pool, or one whose local settings or max_pool_size changed,
 * gets its (re)allocation scheduled after the allocation delay. Runs in the saving request, inside the
 * pool's own transaction. Deleted pools need nothing here: the database drops their numbers.
 */
@Component
class PoolSettingsListener {

    private static final Logger log = LoggerFactory.getLogger(PoolSettingsListener.class);

    private final NumberPoolStore pools;
    private final Duration delay;

    PoolSettingsListener(NumberPoolStore pools,
            @Value("${" + AllocationProperties.DELAY + ":PT10M}") Duration delay) {
        this.pools = pools;
        this.delay = delay;
    }

    @EventListener
    void saved(RingPoolSaved saved) {
        if (pools.save(saved, OffsetDateTime.now().plus(delay))) {
            log.debug("pool {} ({}) allocates in {}", saved.pool().id(), saved.pool().idFromNetwork(), delay);
        }
    }
}
