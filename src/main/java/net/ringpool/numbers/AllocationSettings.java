package net.ringpool.numbers;

import java.math.BigDecimal;
import java.util.List;

import net.ringpool.pool.LocalCenter;
import net.ringpool.pool.RingPool;
import net.ringpool.pool.RingPoolValidator;

/**
 * The settings of a RingPool that decide its numbers; a change of any of them reallocates the pool.
 *
 * @param center where local numbers are looked for, {@code null} when the pool has none
 * @param whitelist NPAs and NPA-NXX prefixes local numbers must lie in; empty for no limit
 * @param maxPoolSize the number of tracking numbers, {@code null} for the default of 2
 */
record AllocationSettings(LocalCenter center, List<String> whitelist, Integer maxPoolSize) {

    /** Later Invoca documentation gives 2 as max_pool_size's default. */
    static final int DEFAULT_POOL_SIZE = 2;

    AllocationSettings {
        center = canonical(center);
        whitelist = whitelist == null ? List.of() : List.copyOf(whitelist);
    }

    static AllocationSettings of(RingPool pool) {
        return new AllocationSettings(pool.localCenter(), pool.tnPrefixWhitelist(), pool.maxPoolSize());
    }

    int poolSize() {
        return maxPoolSize == null ? DEFAULT_POOL_SIZE : maxPoolSize;
    }

    /** Only a Local RingPool gets local numbers; every other pool gets toll-free ones. */
    boolean isLocal() {
        return center != null || !whitelist.isEmpty();
    }

    private static LocalCenter canonical(LocalCenter center) {
        if (center == null) {
            return null;
        }
        return new LocalCenter(center.tnPrefix(), center.zipcode(), canonical(center.latitude()),
                canonical(center.longitude()));
    }

    private static BigDecimal canonical(BigDecimal value) {
        return value == null ? null : RingPoolValidator.canonical(value);
    }
}
