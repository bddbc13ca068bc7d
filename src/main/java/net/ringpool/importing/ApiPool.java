package net.ringpool.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.client.PoolJson;
import net.ringpool.pool.RingPool;
import net.ringpool.pool.RingPoolField;
import net.ringpool.pool.RingPoolValidator;
import net.ringpool.pool.Validation;

/**
 * One pool as the API holds it, for telling whether a row would change it: its writable fields as the CSV
 * cells export writes, and the pool the validator reads from those cells, worked out only when a row's cells
 * differ from them. A row whose cells are the same text reads, through the same validator, as the same pool, so
 * comparing text first decides the common case of an unchanged row without validating the API's copy (in a
 * 20,000-row {@code --only-changed} run that validation took about a fifth of the CPU of reading the campaign
 * lists; bench/README.md). A pool the validator refuses is held all the same and matches no row.
 */
final class ApiPool {

    /** What the validator reads: the writable scalars and the tn_prefix_whitelist cell. */
    private static final List<String> COMPARED = compared();

    /** The cells of {@link #COMPARED}, missing ones empty; null when only the pool is known. */
    private final String[] cells;
    private RingPool pool;
    private boolean validated;

    private ApiPool(String[] cells, RingPool pool, boolean validated) {
        this.cells = cells;
        this.pool = pool;
        this.validated = validated;
    }

    /** One element of a list answer, or a GET's answer, as parsed JSON. */
    @SuppressWarnings("unchecked")
    static ApiPool of(Map<?, ?> json) {
        Map<String, String> all = PoolJson.cells((Map<String, Object>) json);
        String[] cells = new String[COMPARED.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = all.get(COMPARED.get(i));
        }
        return new ApiPool(cells, null, false);
    }

    /** The pool a row has just written: its cells (when it has them), and the pool they were validated into. */
    static ApiPool written(PoolRequest row) {
        String[] cells = null;
        if (row.cells() != null) {
            cells = new String[COMPARED.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(row.cells(), COMPARED.get(i));
            }
        }
        return new ApiPool(cells, row.pool().writable(), true);
    }

    /** Whether the API already holds what the row would write: the same cells, or else the same validated pool. */
    boolean holds(PoolRequest row) {
        if (row.pool() == null) {
            return false;
        }
        if (row.cells() != null && sameCells(row.cells())) {
            return true;
        }
        RingPool current = pool();
        return current != null && current.equals(row.pool().writable());
    }

    /** The pool the validator reads from the cells, without the API's generated fields; null when it refuses them. */
    synchronized RingPool pool() {
        if (!validated) {
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                fields.put(COMPARED.get(i), cells[i]);
            }
            Validation validation = RingPoolValidator.validate(fields,
                    PoolJson.splitWhitelist(fields.get(RingPoolField.TN_PREFIX_WHITELIST)), false);
            pool = validation.isValid() ? validation.pool().writable() : null;
            validated = true;
        }
        return pool;
    }

    /** Whether the row's cells are the text of this pool's (never, when only the pool is known). */
    boolean sameCells(Map<String, String> rowCells) {
        if (cells == null) {
            return false;
        }
        for (int i = 0; i < cells.length; i++) {
            if (!cell(rowCells, COMPARED.get(i)).equals(cells[i])) {
                return false;
            }
        }
        return true;
    }

    /** A cell as the validator sees it: missing and empty are the same. */
    private static String cell(Map<String, String> cells, String column) {
        String value = cells.get(column);
        return value == null ? "" : value;
    }

    private static List<String> compared() {
        List<String> columns = new ArrayList<>(RingPoolField.writableScalars());
        columns.add(RingPoolField.TN_PREFIX_WHITELIST);
        return List.copyOf(columns);
    }
}
