package net.ringpool.exporting;

import java.nio.file.Path;
import java.time.Duration;

import net.ringpool.client.ClientSettings;
import net.ringpool.pool.ColumnMapping;

/**
 * How one export runs, checked by the command before anything is sent.
 *
 * @param output the CSV file to write (replaced atomically when the export completes)
 * @param mapping the layout of the file: {@link ColumnMapping#identity()} for ours
 * @param concurrency how many campaigns are read at once
 * @param progressInterval how often a progress line is printed; zero for never
 */
public record ExportSettings(ClientSettings client, CampaignSelection selection, Path output, ColumnMapping mapping,
        char delimiter, boolean byteOrderMark, boolean includeSecrets, int concurrency, Duration progressInterval) {
}
