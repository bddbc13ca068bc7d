package net.ringpool.api;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import net.ringpool.pool.LocalCenter;
import net.ringpool.pool.RingPool;
import net.ringpool.pool.RingPoolValidator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RingPools of every network, in table {@code api_ring_pool}. Writes are upserts keyed by the
 * network and {@code id_from_network}, as Invoca's "Create and Update are idempotent operations" asks.
 */
@Repository
class RingPoolStore {

    private static final String COLUMNS = "id, id_from_network, name, pool_type, destination_type, destination_url, "
            + "tracking_url, lifetime_seconds, max_pool_size, preferred, is_first_preference, "
            + "param1, param2, param3, param4, param5, param6, param7, param8, param9, param10, "
            + "local_center_tn_prefix, local_center_zipcode, local_center_latitude, local_center_longitude, "
            + "tn_prefix_whitelist, api_key, advertiser_id_from_network, campaign_id_from_network";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    RingPoolStore(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /** A pool with the campaign it belongs to. */
    record Located(String advertiserId, String campaignId, RingPool pool) {
    }

    /** The pool after an upsert, and whether the upsert created it. */
    record Upserted(RingPool pool, boolean created) {
    }

    /**
     * The campaign's pools by id_from_network. They are sorted here, not by the query: on a table without
     * statistics (autovacuum off, or not yet run after a bulk load) PostgreSQL rates every index alike, and an
     * ORDER BY id_from_network made it walk the unique key (network_id, id_from_network), which returns that
     * order, filtering all of the network's pools: 81 ms instead of 7 ms for a campaign of 6,000 among 300,000
     * pools (EXPLAIN ANALYZE on a freshly migrated table), and under load the list requests queued behind it.
     */
    List<RingPool> list(String networkId, String advertiserId, String campaignId) {
        List<RingPool> pools = jdbc.sql("SELECT " + COLUMNS + " FROM api_ring_pool WHERE network_id = ? "
                        + "AND advertiser_id_from_network = ? AND campaign_id_from_network = ?")
                .params(networkId, advertiserId, campaignId)
                .query((rs, n) -> map(rs).pool())
                .list();
        List<RingPool> sorted = new ArrayList<>(pools);
        sorted.sort(Comparator.comparing(RingPool::idFromNetwork));
        return sorted;
    }

    Optional<Located> find(String networkId, String idFromNetwork) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_ring_pool WHERE network_id = ? AND id_from_network = ?")
                .params(networkId, idFromNetwork)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * Creates or replaces the pool {@code pool.idFromNetwork()} of the campaign. A concurrent create of
     * the same id loses the unique-key race once and is then applied as an update.
     *
     * @throws ApiException 403 when the id is already taken by a pool of another campaign
     */
    Upserted upsert(String networkId, String advertiserId, String campaignId, RingPool pool) {
        try {
            return transactions.execute(status -> upsertOnce(networkId, advertiserId, campaignId, pool));
        } catch (DuplicateKeyException raced) {
            return transactions.execute(status -> upsertOnce(networkId, advertiserId, campaignId, pool));
        }
    }

    /** Deletes the pool if the campaign holds it; deleting a missing pool does nothing. */
    boolean delete(String networkId, String advertiserId, String campaignId, String idFromNetwork) {
        return jdbc.sql("DELETE FROM api_ring_pool WHERE network_id = ? AND advertiser_id_from_network = ? "
                        + "AND campaign_id_from_network = ? AND id_from_network = ?")
                .params(networkId, advertiserId, campaignId, idFromNetwork)
                .update() > 0;
    }

    private Upserted upsertOnce(String networkId, String advertiserId, String campaignId, RingPool pool) {
        Optional<Located> existing = jdbc.sql("SELECT " + COLUMNS
                        + " FROM api_ring_pool WHERE network_id = ? AND id_from_network = ? FOR UPDATE")
                .params(networkId, pool.idFromNetwork())
                .query((rs, n) -> map(rs))
                .optional();
        OffsetDateTime now = OffsetDateTime.now();
        if (existing.isPresent()) {
            Located found = existing.get();
            if (!found.advertiserId().equals(advertiserId) || !found.campaignId().equals(campaignId)) {
                throw ApiException.fieldErrors(java.util.Map.of("id_from_network", List.of(
                        "has already been taken by a RingPool of advertiser campaign " + found.campaignId()
                                + " and advertiser " + found.advertiserId())));
            }
            List<Object> values = writableValues(pool);
            values.add(now);
            values.add(found.pool().id());
            jdbc.sql("UPDATE api_ring_pool SET name = ?, pool_type = ?, destination_type = ?, destination_url = ?, "
                            + "tracking_url = ?, lifetime_seconds = ?, max_pool_size = ?, preferred = ?, "
                            + "is_first_preference = ?, param1 = ?, param2 = ?, param3 = ?, param4 = ?, param5 = ?, "
                            + "param6 = ?, param7 = ?, param8 = ?, param9 = ?, param10 = ?, "
                            + "local_center_tn_prefix = ?, local_center_zipcode = ?, local_center_latitude = ?, "
                            + "local_center_longitude = ?, tn_prefix_whitelist = ?, updated_at = ? WHERE id = ?")
                    .params(values)
                    .update();
            return saved(networkId, advertiserId, campaignId, pool.idFromNetwork(), false);
        }
        String apiKey = newApiKey();
        List<Object> values = new ArrayList<>(List.of(networkId, advertiserId, campaignId, pool.idFromNetwork()));
        values.addAll(writableValues(pool));
        values.addAll(List.of(apiKey, now, now));
        jdbc.sql("INSERT INTO api_ring_pool (network_id, advertiser_id_from_network, campaign_id_from_network, "
                        + "id_from_network, name, pool_type, destination_type, destination_url, tracking_url, "
                        + "lifetime_seconds, max_pool_size, preferred, is_first_preference, param1, param2, param3, "
                        + "param4, param5, param6, param7, param8, param9, param10, local_center_tn_prefix, "
                        + "local_center_zipcode, local_center_latitude, local_center_longitude, tn_prefix_whitelist, "
                        + "api_key, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values)
                .update();
        return saved(networkId, advertiserId, campaignId, pool.idFromNetwork(), true);
    }

    /**
     * Answers the pool as the database now holds it, so that a write answers what a later read returns
     * (coordinates, for one, are rounded to the column's eight decimals), and tells the other features of serve
     * inside the same transaction, so that what they write commits or rolls back with the pool.
     */
    private Upserted saved(String networkId, String advertiserId, String campaignId, String idFromNetwork,
            boolean created) {
        RingPool stored = jdbc.sql("SELECT " + COLUMNS
                        + " FROM api_ring_pool WHERE network_id = ? AND id_from_network = ?")
                .params(networkId, idFromNetwork)
                .query((rs, n) -> map(rs).pool())
                .single();
        events.publishEvent(new RingPoolSaved(networkId, advertiserId, campaignId, stored));
        return new Upserted(stored, created);
    }

    private static List<Object> writableValues(RingPool pool) {
        LocalCenter center = pool.localCenter();
        List<Object> values = new ArrayList<>(Arrays.asList(pool.name(), pool.poolType(), pool.destinationType(),
                pool.destinationUrl(), pool.trackingUrl(), pool.lifetimeSeconds(), pool.maxPoolSize(),
                pool.preferred(), pool.isFirstPreference()));
        values.addAll(pool.params());
        values.add(center == null ? null : center.tnPrefix());
        values.add(center == null ? null : center.zipcode());
        values.add(center == null ? null : center.latitude());
        values.add(center == null ? null : center.longitude());
        values.add(pool.tnPrefixWhitelist().isEmpty() ? null : String.join(",", pool.tnPrefixWhitelist()));
        return values;
    }

    private static Located map(ResultSet rs) throws SQLException {
        List<String> params = new ArrayList<>(RingPool.PARAM_COUNT);
        for (int i = 1; i <= RingPool.PARAM_COUNT; i++) {
            String value = rs.getString("param" + i);
            params.add(value == null ? "" : value);
        }
        String tnPrefix = rs.getString("local_center_tn_prefix");
        String zipcode = rs.getString("local_center_zipcode");
        BigDecimal latitude = canonical(rs.getBigDecimal("local_center_latitude"));
        BigDecimal longitude = canonical(rs.getBigDecimal("local_center_longitude"));
        LocalCenter center = tnPrefix == null && zipcode == null && latitude == null && longitude == null
                ? null : new LocalCenter(tnPrefix, zipcode, latitude, longitude);
        String whitelist = rs.getString("tn_prefix_whitelist");
        RingPool pool = new RingPool(rs.getLong("id"), rs.getString("id_from_network"), rs.getString("name"),
                rs.getString("pool_type"), rs.getString("destination_type"), rs.getString("destination_url"),
                rs.getString("tracking_url"), (Integer) rs.getObject("lifetime_seconds", Integer.class),
                rs.getObject("max_pool_size", Integer.class), rs.getObject("preferred", Boolean.class),
                rs.getObject("is_first_preference", Boolean.class), params, center,
                whitelist == null ? List.of() : List.of(whitelist.split(",")),
                null, null, null, rs.getString("api_key"));
        return new Located(rs.getString("advertiser_id_from_network"), rs.getString("campaign_id_from_network"), pool);
    }

    private static BigDecimal canonical(BigDecimal value) {
        return value == null ? null : RingPoolValidator.canonical(value);
    }

    private String newApiKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
