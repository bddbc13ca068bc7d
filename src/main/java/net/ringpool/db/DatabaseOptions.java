package net.ringpool.db;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * Which database holds the job repository, the outcomes and the {@code serve} store: {@code --db} or
 * {@code RINGPOOL_DB_URL} (with {@code RINGPOOL_DB_USER}, {@code RINGPOOL_DB_PASSWORD}), otherwise an
 * embedded H2 file database under {@code ./.ringpool/} so that a first run needs nothing installed.
 */
public class DatabaseOptions {

    static final String EMBEDDED_DIRECTORY = ".ringpool";

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

    Map<String, Object> springProperties(Map<String, String> environment) {
        String chosenUrl = firstNonBlank(url, environment.get("RINGPOOL_DB_URL"));
        Map<String, Object> properties = new LinkedHashMap<>();
        if (chosenUrl == null) {
            properties.put("spring.datasource.url", embeddedUrl(Path.of(EMBEDDED_DIRECTORY)));
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", chosenUrl);
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
     * H2 in its PostgreSQL mode, so one set of migrations serves both; AUTO_SERVER lets a {@code serve}
     * and an {@code import} started from two terminals share the file.
     */
    public static String embeddedUrl(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("ringpool")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }
}
