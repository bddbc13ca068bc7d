package net.ringpool.exporting;

import net.ringpool.pool.CsvLayout;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Empties the api_key cell, a pool's allocation secret, unless the export was asked to include secrets. */
class ApiKeyRedactor implements ItemProcessor<PoolRow, PoolRow> {

    private final boolean includeSecrets;

    ApiKeyRedactor(boolean includeSecrets) {
        this.includeSecrets = includeSecrets;
    }

    @Override
    public PoolRow process(PoolRow row) {
        if (includeSecrets || row.cell(CsvLayout.API_KEY).isEmpty()) {
            return row;
        }
        return row.withCell(CsvLayout.API_KEY, "");
    }
}
