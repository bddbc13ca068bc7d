package net.ringpool.importing;

/**
 * What is known about a pool before a row is sent: nothing, that it is absent, or its current fields
 * (from {@code --only-changed}'s campaign lists, or a GET).
 */
record CurrentPool(Knowledge knowledge, ApiPool pool) {

    enum Knowledge { UNKNOWN, ABSENT, PRESENT }

    static final CurrentPool UNKNOWN = new CurrentPool(Knowledge.UNKNOWN, null);
    static final CurrentPool ABSENT = new CurrentPool(Knowledge.ABSENT, null);
    /** There, its fields not read: enough for a Local upsert, which only needs to know whether it creates. */
    static final CurrentPool PRESENT_UNREAD = new CurrentPool(Knowledge.PRESENT, null);

    static CurrentPool present(ApiPool pool) {
        return new CurrentPool(Knowledge.PRESENT, pool);
    }

    /** Whether the pool is there with the fields the row would write: sending the row would change nothing. */
    boolean holds(PoolRequest row) {
        return pool != null && pool.holds(row);
    }

    boolean isUnknown() {
        return knowledge == Knowledge.UNKNOWN;
    }

    boolean isAbsent() {
        return knowledge == Knowledge.ABSENT;
    }

    boolean isPresent() {
        return knowledge == Knowledge.PRESENT;
    }
}
