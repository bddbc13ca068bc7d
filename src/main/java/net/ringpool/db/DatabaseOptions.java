package net.ringpool.db;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine.Option;

/**
 * Which database holds the job repository, the outcomes and the {@code serve} store: {@code --db} or
 * {@code RINGPOOL_DB_URL} (with {@code RINGPOOL_DB_USER}, {@code RINGPOOL_DB_PASSWORD}), otherwise an
 * embedded H2 file database under {@code ./.ringpool/} so that a first run needs nothing installed.
 */
public class DatabaseOptions {

    static final String EMBEDDED_DIRECTORY = ".ringpool";
    private static final String H2_PREFIX = "jdbc:h2:";
    /**
     * What every H2 database needs here, since one set of migrations and queries serves PostgreSQL and H2:
     * H2's PostgreSQL mode ({@code ON CONFLICT}), lower-case names, and nulls sorted last as PostgreSQL does.
     */
    private static final List<String> H2_SETTINGS = List.of("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE",
            "DEFAULT_NULL_ORDERING=HIGH");

    static final String MINIMUM_IDLE = "spring.datasource.hikari.minimum-idle";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Job database, e.g. jdbc:postgresql://127.0.0.1:5432/ringpool "
                    + "(default: $RINGPOOL_DB_URL, else an embedded H2 file database under ./.ringpool/).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $RINGPOOL_DB_USER).")
    String user;

    /** Spring Boot properties selecting the database; the password only ever comes from the environment. */
    public Map<String, Object> springProperties() {
        return springProperties(System.getenv());
    }

    /**
     * {@link #springProperties()} for a command that runs once and exits (import, export, jobs, report): its pool
     * opens a connection when one is asked for, instead of Hikari's ten at the start. Such a run uses one at a time
     * (a partitioned import one per partition; the pool still grows to ten), and every connection costs the
     * database a process of its own: the nine unused ones were a third of PostgreSQL's CPU in a 20,000-row
     * {@code --only-changed} run, 0.35 s (bench/README.md).
     */
    public Map<String, Object> springPropertiesForOneRun(Map<String, String> environment) {
        Map<String, Object> properties = springProperties(environment);
        properties.put(MINIMUM_IDLE, 1);
        return properties;
    }

    /** {@link #springProperties()} from this environment: the caller's, for a command run by the daemon. */
    public Map<String, Object> springProperties(Map<String, String> environment) {
        String chosenUrl = firstNonBlank(url, environment.get("RINGPOOL_DB_URL"));
        Map<String, Object> properties = new LinkedHashMap<>();
        if (chosenUrl == null) {
            properties.put("spring.datasource.url", embeddedUrl(Path.of(EMBEDDED_DIRECTORY)));
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", withH2Settings(chosenUrl));
            String chosenUser = firstNonBlank(user, environment.get("RINGPOOL_DB_USER"));
            if (chosenUser != null) {
                properties.put("spring.datasource.username", chosenUser);
            }
            String password = environment.get("RINGPOOL_DB_PASSWORD");
            if (password != null) {
                properties.put("spring.datasource.password", password);
            }
        }
        return properties;
    }

    /**
     * H2 in its PostgreSQL mode ({@link #withH2Settings}); AUTO_SERVER lets a {@code serve} and an {@code import}
     * started from two terminals share the file.
     */
    public static String embeddedUrl(Path directory) {
        return withH2Settings(H2_PREFIX + "file:" + directory.toAbsolutePath().resolve("ringpool") + ";AUTO_SERVER=TRUE");
    }

    /**
     * An H2 URL with the settings this project's SQL needs added where the URL does not name them (a setting it
     * names is left as it is); any other URL as it is. Without them {@code jdbc:h2:mem:x} would start, then
     * fail every pool the API saves.
     */
    static String withH2Settings(String url) {
        if (!url.regionMatches(true, 0, H2_PREFIX, 0, H2_PREFIX.length())) {
            return url;
        }
        Set<String> named = Arrays.stream(url.split(";")).skip(1).map(DatabaseOptions::settingName)
                .collect(Collectors.toSet());
        StringBuilder withSettings = new StringBuilder(url);
        for (String setting : H2_SETTINGS) {
            if (!named.contains(settingName(setting))) {
                withSettings.append(';').append(setting);
            }
        }
        return withSettings.toString();
    }

    private static String settingName(String setting) {
        return setting.split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }
}
