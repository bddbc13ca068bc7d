package net.ringpool.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the queries of jobs/audit-queries.sql as psql would, with its :'name' variables bound. */
final class AuditQueries {

    private static final Pattern VARIABLE = Pattern.compile(":'([a-z_]+)'");

    private AuditQueries() {
    }

    /** The queries by their "-- name:" line. */
    static Map<String, String> load(Path file) throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    queries.put(name, sql.toString().strip());
                }
                name = line.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, sql.toString().strip());
        }
        return queries;
    }

    static List<Map<String, Object>> run(Connection connection, String query, Map<String, String> variables)
            throws SQLException {
        List<String> bound = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(query);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            bound.add(variables.get(matcher.group(1)));
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        String statement = sql.toString().replaceAll(";\\s*$", "");
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < bound.size(); i++) {
                prepared.setString(i + 1, bound.get(i));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = prepared.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
