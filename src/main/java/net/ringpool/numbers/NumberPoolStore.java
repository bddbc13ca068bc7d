package net.ringpool.numbers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import net.ringpool.api.RingPoolSaved;
import net.ringpool.pool.LocalCenter;
import net.ringpool.pool.RingPool;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The pools of table {@code number_pool} and the schedule of their allocations. */
@Repository
class NumberPoolStore {

    private static final String COLUMNS = "ring_pool_id, network_id, advertiser_id_from_network, "
            + "campaign_id_from_network, id_from_network, api_key, lifetime_seconds, max_pool_size, landing_url, "
            + "local_center_tn_prefix, local_center_zipcode, local_center_latitude, local_center_longitude, "
            + "tn_prefix_whitelist, allocate_after, allocation_started_at, allocated_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    NumberPoolStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Records a saved pool; a new pool, or one whose allocation settings changed, is due at
     * {@code allocateAfter}. An update that leaves those settings alone keeps the schedule.
     *
     * @return whether an allocation was scheduled
     */
    boolean save(RingPoolSaved saved, OffsetDateTime allocateAfter) {
        RingPool pool = saved.pool();
        AllocationSettings settings = AllocationSettings.of(pool);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            List<Object> values = new ArrayList<>(List.of(pool.id()));
            values.addAll(columnValues(saved, settings));
            values.add(allocateAfter);
            int inserted = jdbc.sql("INSERT INTO number_pool (ring_pool_id, network_id, advertiser_id_from_network, "
                            + "campaign_id_from_network, id_from_network, api_key, lifetime_seconds, max_pool_size, "
                            + "landing_url, local_center_tn_prefix, local_center_zipcode, local_center_latitude, "
                            + "local_center_longitude, tn_prefix_whitelist, allocate_after) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(values)
                    .update();
            if (inserted > 0) {
                return true;
            }
            NumberPool existing = jdbc.sql("SELECT " + COLUMNS + " FROM number_pool WHERE ring_pool_id = ? FOR UPDATE")
                    .param(pool.id())
                    .query((rs, n) -> map(rs))
                    .single();
            boolean changed = !existing.settings().equals(settings);
            List<Object> update = columnValues(saved, settings);
            update.add(changed ? allocateAfter : existing.allocateAfter());
            update.add(pool.id());
            jdbc.sql("UPDATE number_pool SET network_id = ?, advertiser_id_from_network = ?, "
                            + "campaign_id_from_network = ?, id_from_network = ?, api_key = ?, lifetime_seconds = ?, "
                            + "max_pool_size = ?, landing_url = ?, local_center_tn_prefix = ?, local_center_zipcode = ?, "
                            + "local_center_latitude = ?, local_center_longitude = ?, tn_prefix_whitelist = ?, "
                            + "allocate_after = ? WHERE ring_pool_id = ?")
                    .params(update)
                    .update();
            return changed;
        }));
    }

    Optional<NumberPool> find(long ringPoolId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM number_pool WHERE ring_pool_id = ?")
                .param(ringPoolId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<NumberPool> find(String networkId, String idFromNetwork) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM number_pool WHERE network_id = ? AND id_from_network = ?")
                .params(networkId, idFromNetwork)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Reads the pool and locks its row until the surrounding transaction ends. */
    Optional<NumberPool> lock(long ringPoolId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM number_pool WHERE ring_pool_id = ? FOR UPDATE")
                .param(ringPoolId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Pools whose allocation is due, the longest waiting first. */
    List<Long> due(OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT ring_pool_id FROM number_pool WHERE allocate_after <= ? ORDER BY allocate_after LIMIT ?")
                .params(now, limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes a due allocation: of several {@code serve}s sharing the database, exactly one gets it. A save
     * during the allocation schedules the next one.
     */
    boolean start(long ringPoolId, OffsetDateTime now) {
        return jdbc.sql("UPDATE number_pool SET allocate_after = NULL, allocation_started_at = ? "
                        + "WHERE ring_pool_id = ? AND allocate_after <= ?")
                .params(now, ringPoolId, now)
                .update() > 0;
    }

    void finish(long ringPoolId, OffsetDateTime now) {
        jdbc.sql("UPDATE number_pool SET allocated_at = ? WHERE ring_pool_id = ?")
                .params(now, ringPoolId)
                .update();
    }

    /** Schedules a failed allocation again, unless a save has scheduled one already. */
    void retryAt(long ringPoolId, OffsetDateTime at) {
        jdbc.sql("UPDATE number_pool SET allocate_after = ? WHERE ring_pool_id = ? AND allocate_after IS NULL")
                .params(at, ringPoolId)
                .update();
    }

    /** Schedules again the allocations that started before {@code startedBefore} and never finished. */
    int rescheduleAbandoned(OffsetDateTime startedBefore, OffsetDateTime at) {
        return jdbc.sql("UPDATE number_pool SET allocate_after = ? WHERE allocate_after IS NULL "
                        + "AND allocation_started_at < ? AND (allocated_at IS NULL OR allocated_at < allocation_started_at)")
                .params(at, startedBefore)
                .update();
    }

    private static List<Object> columnValues(RingPoolSaved saved, AllocationSettings settings) {
        RingPool pool = saved.pool();
        LocalCenter center = settings.center();
        return new ArrayList<>(Arrays.asList(saved.networkId(), saved.advertiserId(), saved.campaignId(),
                pool.idFromNetwork(), pool.apiKey(), pool.lifetimeSeconds(), settings.maxPoolSize(),
                pool.trackingUrl() != null ? pool.trackingUrl() : pool.destinationUrl(),
                center == null ? null : center.tnPrefix(), center == null ? null : center.zipcode(),
                center == null ? null : center.latitude(), center == null ? null : center.longitude(),
                settings.whitelist().isEmpty() ? null : String.join(",", settings.whitelist())));
    }

    private static NumberPool map(ResultSet rs) throws SQLException {
        String tnPrefix = rs.getString("local_center_tn_prefix");
        String zipcode = rs.getString("local_center_zipcode");
        BigDecimal latitude = rs.getBigDecimal("local_center_latitude");
        BigDecimal longitude = rs.getBigDecimal("local_center_longitude");
        LocalCenter center = tnPrefix == null && zipcode == null && latitude == null && longitude == null ? null
                : new LocalCenter(tnPrefix, zipcode, latitude, longitude);
        String whitelist = rs.getString("tn_prefix_whitelist");
        AllocationSettings settings = new AllocationSettings(center,
                whitelist == null ? List.of() : List.of(whitelist.split(",")), rs.getObject("max_pool_size", Integer.class));
        return new NumberPool(rs.getLong("ring_pool_id"), rs.getString("network_id"),
                rs.getString("advertiser_id_from_network"), rs.getString("campaign_id_from_network"),
                rs.getString("id_from_network"), rs.getString("api_key"), rs.getObject("lifetime_seconds", Integer.class),
                rs.getString("landing_url"), settings, rs.getObject("allocate_after", OffsetDateTime.class),
                rs.getObject("allocation_started_at", OffsetDateTime.class),
                rs.getObject("allocated_at", OffsetDateTime.class));
    }
}
