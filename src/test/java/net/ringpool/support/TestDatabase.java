package net.ringpool.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import net.ringpool.db.DatabaseOptions;

/**
 * The databases the tests run on: the local PostgreSQL service (database {@code test}, or
 * {@code $RINGPOOL_TEST_DB_URL}), emptied once per test JVM so that leftovers of an earlier run or of
 * another branch's migrations never fail Flyway's validation, and embedded H2 files.
 */
public final class TestDatabase {

    private static boolean reset;

    private TestDatabase() {
    }

    public static String postgresUrl() {
        String url = System.getenv("RINGPOOL_TEST_DB_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test" : url;
    }

    public static String postgresUser() {
        String user = System.getenv("RINGPOOL_TEST_DB_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    /** Spring properties of the PostgreSQL test database, emptied on first use in this JVM. */
    public static synchronized Map<String, Object> postgres() {
        if (!reset) {
            try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL test database " + postgresUrl()
                        + " is not reachable; start it (see .ci/run)", e);
            }
            reset = true;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgresUrl());
        properties.put("spring.datasource.username", postgresUser());
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /** Command-line options that point a command at the PostgreSQL test database. */
    public static String[] postgresOptions() {
        postgres();
        return new String[] {"--db", postgresUrl(), "--db-user", postgresUser()};
    }

    /** Spring properties of a fresh embedded H2 database in {@code directory}, as the default uses. */
    public static Map<String, Object> h2(Path directory) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", DatabaseOptions.embeddedUrl(directory));
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");
        return properties;
    }
}
