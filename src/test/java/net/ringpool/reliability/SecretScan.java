package net.ringpool.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.ringpool.support.TestDatabase;

/**
 * Looks for secrets everywhere a run leaves text: printed output and logs, every file under a directory,
 * and every value of every table of the PostgreSQL test database, the job repository included. Values
 * that are Base64 (the job repository stores execution contexts Base64-serialized) are searched decoded
 * too. Counts what it searched, so that a test can tell an empty search from a clean one.
 */
final class SecretScan {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\r\\n]{16,}");

    private final List<String> secrets;
    private final List<String> found = new ArrayList<>();
    private long filesSearched;
    private long valuesSearched;
    private long valuesDecoded;

    /** @param secrets texts that must appear nowhere; each is also searched Base64-encoded */
    SecretScan(List<String> secrets) {
        List<String> all = new ArrayList<>(secrets);
        secrets.forEach(secret -> all.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
        this.secrets = List.copyOf(all);
    }

    void text(String where, String text) {
        for (String secret : secrets) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                found.add(where + ": ..." + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80))
                        .replace('\n', ' ') + "...");
            }
        }
    }

    /** Every regular file under the directory, except those named, read as UTF-8 and as Latin-1. */
    void files(Path directory, Path... except) throws IOException {
        List<Path> skipped = List.of(except);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !skipped.contains(f)).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                text(file.toString(), new String(bytes, StandardCharsets.ISO_8859_1));
                filesSearched++;
            }
        }
    }

    /** Every value of every table of the test database's public schema. */
    void database() throws SQLException {
        TestDatabase.postgres();
        try (Connection connection = DriverManager.getConnection(TestDatabase.postgresUrl(),
                TestDatabase.postgresUser(), "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement()) {
                    statement.setFetchSize(1000);
                    connection.setAutoCommit(false);
                    try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            for (int column = 1; column <= meta.getColumnCount(); column++) {
                                value(table + "." + meta.getColumnName(column), rs.getObject(column));
                            }
                        }
                    }
                    connection.commit();
                }
            }
        }
    }

    private void value(String where, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : value.toString();
        valuesSearched++;
        text(where, text);
        if (BASE64.matcher(text).matches()) {
            try {
                byte[] decoded = Base64.getMimeDecoder().decode(text);
                valuesDecoded++;
                text(where + " (Base64-decoded)", new String(decoded, StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException notBase64) {
                // text that only looks like Base64
            }
        }
    }

    List<String> found() {
        return found;
    }

    long filesSearched() {
        return filesSearched;
    }

    long valuesSearched() {
        return valuesSearched;
    }

    long valuesDecoded() {
        return valuesDecoded;
    }
}
