package net.ringpool.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class MigrateWhenBehindTests {

    @Test
    void theBundledVersionsAreTheClassPathMigrations() {
        assertThat(MigrateWhenBehind.bundledVersions(new Location[] {new Location("classpath:db/migration")}))
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(MigrateWhenBehind.bundledVersions(new Location[] {new Location("filesystem:/tmp")})).isEmpty();
    }

    @Test
    void aDatabaseIsMigratedOnlyWhileItLacksAMigration(@TempDir Path directory) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(DatabaseOptions.embeddedUrl(directory.resolve("empty")), "sa", "");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        MigrateWhenBehind strategy = new MigrateWhenBehind();

        // an empty database has no history: it is migrated
        assertThat(MigrateWhenBehind.hasEveryMigration(flyway)).isFalse();
        strategy.migrate(flyway);
        assertThat(jdbc.queryForObject("SELECT COUNT(version) FROM flyway_schema_history WHERE success", Integer.class))
                .isEqualTo(8);
        assertThat(MigrateWhenBehind.hasEveryMigration(flyway)).isTrue();

        // a database a migration behind (migrated by an earlier build, up to version 7) is migrated
        DriverManagerDataSource earlier =
                new DriverManagerDataSource(DatabaseOptions.embeddedUrl(directory.resolve("earlier")), "sa", "");
        Flyway.configure().dataSource(earlier).locations("classpath:db/migration").target("7").load().migrate();
        Flyway behind = Flyway.configure().dataSource(earlier).locations("classpath:db/migration").load();
        assertThat(MigrateWhenBehind.hasEveryMigration(behind)).isFalse();
        strategy.migrate(behind);
        assertThat(new JdbcTemplate(earlier).queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '8' AND success", Integer.class)).isOne();
        assertThat(MigrateWhenBehind.hasEveryMigration(behind)).isTrue();
    }
}
