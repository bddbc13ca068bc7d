package net.ringpool.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseOptionsTests {

    @Test
    void theUrlGivenIsUsedAsItIs() {
        DatabaseOptions options = new DatabaseOptions();
        options.url = "jdbc:postgresql://127.0.0.1:5432/ringpool";

        assertThat(options.springProperties(Map.of()))
                .containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/ringpool"));
    }

    @Test
    void withoutAUrlAnEmbeddedDatabaseIsUsed() {
        Map<String, Object> properties = new DatabaseOptions().springProperties(Map.of());

        assertThat((String) properties.get("spring.datasource.url")).startsWith("jdbc:h2:file:")
                .contains(DatabaseOptions.EMBEDDED_DIRECTORY);
        assertThat(properties).containsEntry("spring.datasource.username", "sa");
    }

    @Test
    void theUrlMayComeFromTheEnvironment() {
        Map<String, Object> properties = new DatabaseOptions().springProperties(Map.of("RINGPOOL_DB_URL",
                "jdbc:postgresql://db/ringpool", "RINGPOOL_DB_USER", "ops", "RINGPOOL_DB_PASSWORD", "pw"));

        assertThat(properties).containsEntry("spring.datasource.url", "jdbc:postgresql://db/ringpool")
                .containsEntry("spring.datasource.username", "ops")
                .containsEntry("spring.datasource.password", "pw");
    }

    @Test
    void theOptionWinsOverTheEnvironment() {
        DatabaseOptions options = new DatabaseOptions();
        options.url = "jdbc:postgresql://db/chosen";

        assertThat(options.springProperties(Map.of("RINGPOOL_DB_URL", "jdbc:postgresql://db/other")))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db/chosen");
    }

    @Test
    void anH2UrlIsOpenedInThePostgreSqlModeTheMigrationsNeed() {
        DatabaseOptions options = new DatabaseOptions();
        options.url = "jdbc:h2:mem:scratch";

        assertThat(options.springProperties(Map.of())).containsEntry("spring.datasource.url",
                "jdbc:h2:mem:scratch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void aSettingTheH2UrlNamesIsLeftAsItIs() {
        DatabaseOptions options = new DatabaseOptions();
        options.url = "jdbc:h2:file:/srv/ringpool;mode=PostgreSQL;Default_Null_Ordering = LOW;AUTO_SERVER=TRUE";

        assertThat(options.springProperties(Map.of())).containsEntry("spring.datasource.url",
                "jdbc:h2:file:/srv/ringpool;mode=PostgreSQL;Default_Null_Ordering = LOW;AUTO_SERVER=TRUE"
                        + ";DATABASE_TO_LOWER=TRUE");
    }
}
