package net.ringpool.numbers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a pool's tracking numbers to visitors. A visitor keeps its number for the pool's
 * {@code lifetime_seconds}, renewed by every request; a number held by one visitor goes to no other
 * before its hold expires. When every number is held, or before the pool's first allocation, the
 * answer is an overflow number. Requests for one pool take turns on the pool's row.
 */
@Component
class NumberHandout {

    /** The number for a visitor and whether it is an overflow number. */
    record Handout(NumberPool pool, String number, boolean overflow) {
    }

    private final NumberPoolStore pools;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    NumberHandout(NumberPoolStore pools, JdbcClient jdbc, TransactionTemplate transactions) {
        this.pools = pools;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** @return empty when there is no such pool or the key is not the pool's */
    Optional<Handout> handOut(long ringPoolId, String key, Visitor visitor) {
        return transactions.execute(status -> pools.lock(ringPoolId)
                .filter(pool -> key != null && MessageDigest.isEqual(pool.apiKey().getBytes(StandardCharsets.UTF_8),
                        key.getBytes(StandardCharsets.UTF_8)))
                .map(pool -> handOut(pool, visitor)));
    }

    private Handout handOut(NumberPool pool, Visitor visitor) {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime expires = now.plusSeconds(pool.lifetime());
        Optional<String> held = jdbc.sql("SELECT number FROM number_hold WHERE ring_pool_id = ? AND visitor = ? "
                        + "AND expires_at > ? ORDER BY expires_at DESC LIMIT 1")
                .params(pool.ringPoolId(), visitor.key(), now)
                .query(String.class)
                .optional();
        if (held.isPresent()) {
            jdbc.sql("UPDATE number_hold SET expires_at = ? WHERE number = ?").params(expires, held.get()).update();
            return new Handout(pool, held.get(), false);
        }
        // never-held numbers first, then the one whose hold expired longest ago
        Optional<String> free = jdbc.sql("SELECT a.number FROM number_allocation a "
                        + "LEFT JOIN number_hold h ON h.number = a.number "
                        + "WHERE a.ring_pool_id = ? AND a.role = 'tracking' AND (h.number IS NULL OR h.expires_at <= ?) "
                        + "ORDER BY CASE WHEN h.number IS NULL THEN 0 ELSE 1 END, h.expires_at, a.number LIMIT 1")
                .params(pool.ringPoolId(), now)
                .query(String.class)
                .optional();
        if (free.isPresent()) {
            jdbc.sql("DELETE FROM number_hold WHERE number = ?").param(free.get()).update();
            jdbc.sql("INSERT INTO number_hold (number, ring_pool_id, visitor, expires_at) VALUES (?, ?, ?, ?)")
                    .params(free.get(), pool.ringPoolId(), visitor.key(), expires)
                    .update();
            return new Handout(pool, free.get(), false);
        }
        String overflow = jdbc.sql("SELECT number FROM number_allocation WHERE ring_pool_id = ? AND role = 'overflow' "
                        + "ORDER BY number LIMIT 1")
                .param(pool.ringPoolId())
                .query(String.class)
                .optional()
                .orElse(NumberGenerator.SHARED_OVERFLOW_NUMBER);
        return new Handout(pool, overflow, true);
    }
}
