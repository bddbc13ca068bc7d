package net.ringpool.numbers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The phone numbers {@code serve} can hand out and which pool holds which. Exchanges are generated when
 * an allocation first needs them. Every statement commits on its own, so that no allocator holds locks
 * while it works: a claim inserts the numbers it wants and keeps those its insert won, the primary key of
 * {@code number_allocation} settling every race between concurrent allocators.
 */
@Repository
class NumberInventory {

    /** What a number does in its pool. */
    enum Role {
        /** handed to visitors by the allocation API */
        TRACKING,
        /** answered when every tracking number is held */
        OVERFLOW;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A number a pool holds. */
    record Allocated(String number, Role role, boolean tollFree) {
    }

    private final JdbcClient jdbc;
    private final Set<TnPrefix> generated = ConcurrentHashMap.newKeySet();

    NumberInventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure the numbers of a prefix exist: the given exchange, or an area code's usual exchanges. */
    void ensure(TnPrefix prefix) {
        if (prefix.isExchange()) {
            if (NumberGenerator.isPlausibleExchange(prefix.nxx())) {
                ensureExchange(prefix);
            }
        } else {
            NumberGenerator.exchanges(prefix.npa()).forEach(nxx -> ensureExchange(new TnPrefix(prefix.npa(), nxx)));
        }
    }

    /** Generates one more toll-free exchange; racing allocators may generate the same one, which is harmless. */
    void addTollFreeExchange() {
        int existing = jdbc.sql("SELECT COUNT(*) FROM number_block WHERE npa IN (:prefixes)")
                .param("prefixes", NumberGenerator.TOLL_FREE_PREFIXES)
                .query(Integer.class)
                .single();
        ensureExchange(NumberGenerator.tollFreeExchange(existing));
    }

    /** Up to {@code limit} unallocated local numbers of a prefix, lowest first. */
    List<String> freeLocal(TnPrefix prefix, int limit) {
        return jdbc.sql("SELECT i.number FROM number_inventory i WHERE i.npa = :npa "
                        + (prefix.isExchange() ? "AND i.nxx = :nxx " : "")
                        + "AND i.toll_free = FALSE AND NOT EXISTS "
                        + "(SELECT 1 FROM number_allocation a WHERE a.number = i.number) ORDER BY i.number LIMIT :limit")
                .param("npa", prefix.npa())
                .params(prefix.isExchange() ? Map.of("nxx", prefix.nxx()) : Map.of())
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Up to {@code limit} unallocated toll-free numbers, lowest first. */
    List<String> freeTollFree(int limit) {
        return jdbc.sql("SELECT i.number FROM number_inventory i WHERE i.toll_free = TRUE AND NOT EXISTS "
                        + "(SELECT 1 FROM number_allocation a WHERE a.number = i.number) ORDER BY i.number LIMIT :limit")
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * Tries to allocate the candidates to the pool; returns those it got. Candidates go in ascending
     * order, so two concurrent claims wait for each other in one direction only and never deadlock.
     */
    List<String> claim(long ringPoolId, List<String> candidates, Role role, OffsetDateTime now) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> sorted = candidates.stream().sorted().toList();
        StringJoiner rows = new StringJoiner(", ");
        List<Object> values = new ArrayList<>();
        for (String number : sorted) {
            rows.add("(?, ?, ?, ?)");
            values.addAll(List.of(number, ringPoolId, role.column(), now));
        }
        jdbc.sql("INSERT INTO number_allocation (number, ring_pool_id, role, allocated_at) VALUES " + rows
                        + " ON CONFLICT DO NOTHING")
                .params(values)
                .update();
        return jdbc.sql("SELECT number FROM number_allocation WHERE ring_pool_id = :pool AND role = :role "
                        + "AND number IN (:numbers) ORDER BY number")
                .param("pool", ringPoolId)
                .param("role", role.column())
                .param("numbers", sorted)
                .query(String.class)
                .list();
    }

    /** Gives numbers of the pool back to the inventory; their visitors' holds go with them. */
    void release(long ringPoolId, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM number_allocation WHERE ring_pool_id = :pool AND number IN (:numbers)")
                .param("pool", ringPoolId)
                .param("numbers", numbers)
                .update();
    }

    /** The numbers a pool holds: local before toll-free, each ascending. */
    List<Allocated> allocated(long ringPoolId) {
        return jdbc.sql("SELECT a.number, a.role, i.toll_free FROM number_allocation a "
                        + "JOIN number_inventory i ON i.number = a.number WHERE a.ring_pool_id = ? "
                        + "ORDER BY i.toll_free, a.number")
                .param(ringPoolId)
                .query((rs, n) -> new Allocated(rs.getString("number"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                        rs.getBoolean("toll_free")))
                .list();
    }

    private void ensureExchange(TnPrefix exchange) {
        if (generated.contains(exchange)) {
            return;
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM number_block WHERE npa = ? AND nxx = ?")
                .params(exchange.npa(), exchange.nxx())
                .query(Integer.class)
                .single() > 0;
        if (!exists) {
            // the numbers first: a block row promises that its numbers are there
            List<String> numbers = NumberGenerator.numbers(exchange);
            StringJoiner rows = new StringJoiner(", ");
            List<Object> values = new ArrayList<>();
            for (String number : numbers) {
                rows.add("(?, ?, ?, ?)");
                values.addAll(List.of(number, exchange.npa(), exchange.nxx(), NumberGenerator.isTollFree(exchange.npa())));
            }
            jdbc.sql("INSERT INTO number_inventory (number, npa, nxx, toll_free) VALUES " + rows + " ON CONFLICT DO NOTHING")
                    .params(values)
                    .update();
            jdbc.sql("INSERT INTO number_block (npa, nxx) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(exchange.npa(), exchange.nxx())
                    .update();
        }
        generated.add(exchange);
    }
}
