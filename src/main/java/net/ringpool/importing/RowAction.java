package net.ringpool.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a row asks for, from its {@code action} column. */
enum RowAction {
    /** Create the pool, or replace it when it exists (the default). */
    UPSERT,
    /** Create the pool only when it does not exist yet. */
    CREATE,
    /** Replace the pool only when it exists. */
    UPDATE,
    /** Delete the pool; a missing pool counts as deleted. */
    DELETE;

    static final String CHOICES = Arrays.stream(values()).map(RowAction::label).collect(Collectors.joining(", "));

    /** The action of a cell: empty means upsert; null when the text names no action. */
    static RowAction parse(String text) {
        if (text == null || text.isBlank()) {
            return UPSERT;
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(action -> action.name().equals(wanted)).findFirst().orElse(null);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
