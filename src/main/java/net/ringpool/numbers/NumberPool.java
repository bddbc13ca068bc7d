package net.ringpool.numbers;

import java.time.OffsetDateTime;

/**
 * What allocation and the allocation API know of a RingPool: a copy of the API's pool kept by its save
 * events, and where its allocation stands.
 *
 * @param landingUrl the pool's tracking_url, else its destination_url: where tracking URLs point
 * @param allocateAfter when the next (re)allocation is due, {@code null} when none is
 */
record NumberPool(long ringPoolId, String networkId, String advertiserId, String campaignId, String idFromNetwork,
        String apiKey, Integer lifetimeSeconds, String landingUrl, AllocationSettings settings,
        OffsetDateTime allocateAfter, OffsetDateTime allocationStartedAt, OffsetDateTime allocatedAt) {

    /** lifetime_seconds of a pool that sets none: the seed's examples use 1800. */
    static final int DEFAULT_LIFETIME_SECONDS = 1800;

    enum Status {
        /** a (re)allocation is due and has not started */
        PENDING,
        /** a (re)allocation is running */
        ALLOCATING,
        /** the numbers follow the pool's current settings */
        ALLOCATED
    }

    int lifetime() {
        return lifetimeSeconds == null ? DEFAULT_LIFETIME_SECONDS : lifetimeSeconds;
    }

    Status status() {
        if (allocateAfter != null || allocationStartedAt == null) {
            return Status.PENDING;
        }
        if (allocatedAt == null || allocatedAt.isBefore(allocationStartedAt)) {
            return Status.ALLOCATING;
        }
        return Status.ALLOCATED;
    }
}
