package net.ringpool.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseOptionsTests {

    @Test
    void postgresBatchesTheOutcomeInsertsIntoMultiRowStatements() {
        DatabaseOptions options = new DatabaseOptions();
        options.url = "jdbc:postgresql://127.0.0.1:5432/ringpool";

        Map<String, Object> properties = options.springProperties(Map.of());

        assertThat(properties).containsEntry(DatabaseOptions.POSTGRES_BATCHED_INSERTS, "true")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/ringpool");
    }

    @Test
    void otherDatabasesGetNoDriverPropertyTheyWouldRefuse() {
        DatabaseOptions options = new DatabaseOptions();
        options.url = "jdbc:h2:mem:x";

        assertThat(options.springProperties(Map.of())).doesNotContainKey(DatabaseOptions.POSTGRES_BATCHED_INSERTS);
        assertThat(new DatabaseOptions().springProperties(Map.of())).doesNotContainKey(DatabaseOptions.POSTGRES_BATCHED_INSERTS);
    }

    @Test
    void theUrlMayComeFromTheEnvironment() {
        Map<String, Object> properties = new DatabaseOptions()
                .springProperties(Map.of("RINGPOOL_DB_URL", "jdbc:postgresql://db/ringpool", "RINGPOOL_DB_USER", "ops"));

        assertThat(properties).containsEntry(DatabaseOptions.POSTGRES_BATCHED_INSERTS, "true")
                .containsEntry("spring.datasource.username", "ops");
    }
}
