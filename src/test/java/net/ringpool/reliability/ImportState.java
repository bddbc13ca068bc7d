package net.ringpool.reliability;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.client.PoolJson;
import net.ringpool.pool.LocalCenter;
import net.ringpool.pool.RingPool;
import net.ringpool.pool.RingPoolField;
import net.ringpool.pool.RingPoolValidator;
import net.ringpool.pool.Validation;
import net.ringpool.sample.PoolFileGenerator;
import net.ringpool.support.Outcomes;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gathers what {@link Invariants} compares: the lines of a generated input file (read with commons-csv, not
 * with the import's reader, and told valid or invalid by the generator's marker), the outcome table and
 * {@code outcomes.csv} of one job instance, and the pools the API stores for the network, read from its tables.
 */
@Tag("reliability")
final class ImportState {

    private final JdbcTemplate jdbc = new Outcomes().jdbc();

    /** Checks the run (job instance) the job execution belongs to. */
    Invariants.Verdict check(Path input, String network, long jobExecutionId, Path outcomesCsv,
            List<Map<String, Long>> requestWindows) throws IOException {
        long instance = jdbc.queryForObject("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?",
                Long.class, jobExecutionId);
        List<Long> executions = executions(instance);
        Invariants.Traffic traffic = requestWindows == null ? null : new Invariants.Traffic(executions, requestWindows);
        return Invariants.check(lines(input), outcomes(instance), outcomeFileLines(outcomesCsv), stored(network),
                traffic);
    }

    List<Long> executions(long jobInstanceId) {
        return jdbc.queryForList("SELECT job_execution_id FROM batch_job_execution WHERE job_instance_id = ? "
                + "ORDER BY job_execution_id", Long.class, jobInstanceId);
    }

    /** The lines of a {@link PoolFileGenerator} file: one record a line, invalid ones marked by their id. */
    static List<Invariants.Line> lines(Path input) throws IOException {
        List<Invariants.Line> lines = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            for (CSVRecord record : parser) {
                Map<String, String> fields = new HashMap<>(record.toMap());
                long line = record.getRecordNumber() + 1;
                String id = fields.get(RingPoolField.ID_FROM_NETWORK);
                RingPool pool = null;
                if (!id.endsWith(PoolFileGenerator.INVALID_SUFFIX)) {
                    Validation validation = RingPoolValidator.validate(fields,
                            PoolJson.splitWhitelist(fields.get(RingPoolField.TN_PREFIX_WHITELIST)), true);
                    if (!validation.isValid()) {
                        throw new IllegalStateException("line " + line + " is meant to be valid: "
                                + Validation.describe(validation.errors()));
                    }
                    pool = validation.pool();
                }
                lines.add(new Invariants.Line(line, fields.get("advertiser_id_from_network"),
                        fields.get("advertiser_campaign_id_from_network"), id, pool));
            }
        }
        return lines;
    }

    private List<Invariants.Outcome> outcomes(long jobInstanceId) {
        return jdbc.query("SELECT line_number, id_from_network, status, attempts, job_execution_id, recorded_at "
                + "FROM ringpool_row_outcome WHERE job_instance_id = ? ORDER BY line_number",
                (rs, n) -> new Invariants.Outcome(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()), jobInstanceId);
    }

    private static List<Long> outcomeFileLines(Path outcomesCsv) throws IOException {
        if (outcomesCsv == null) {
            return null;
        }
        List<Long> lines = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(outcomesCsv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            for (CSVRecord record : parser) {
                lines.add(Long.parseLong(record.get("outcome_line")));
            }
        }
        return lines;
    }

    /** The network's pools as the API's store holds them, by id_from_network. */
    Map<String, Invariants.Stored> stored(String network) {
        Map<String, Invariants.Stored> pools = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM api_ring_pool WHERE network_id = ?", rs -> {
            pools.put(rs.getString("id_from_network"), new Invariants.Stored(rs.getString("advertiser_id_from_network"),
                    rs.getString("campaign_id_from_network"), pool(rs), rs.getTimestamp("updated_at").toInstant()));
        }, network);
        return pools;
    }

    private static RingPool pool(ResultSet rs) throws SQLException {
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= RingPool.PARAM_COUNT; i++) {
            String value = rs.getString("param" + i);
            params.add(value == null ? "" : value);
        }
        String tnPrefix = rs.getString("local_center_tn_prefix");
        String zipcode = rs.getString("local_center_zipcode");
        BigDecimal latitude = canonical(rs.getBigDecimal("local_center_latitude"));
        BigDecimal longitude = canonical(rs.getBigDecimal("local_center_longitude"));
        LocalCenter center = tnPrefix == null && zipcode == null && latitude == null && longitude == null ? null
                : new LocalCenter(tnPrefix, zipcode, latitude, longitude);
        String whitelist = rs.getString("tn_prefix_whitelist");
        return new RingPool(rs.getLong("id"), rs.getString("id_from_network"), rs.getString("name"),
                rs.getString("pool_type"), rs.getString("destination_type"), rs.getString("destination_url"),
                rs.getString("tracking_url"), rs.getObject("lifetime_seconds", Integer.class),
                rs.getObject("max_pool_size", Integer.class), rs.getObject("preferred", Boolean.class),
                rs.getObject("is_first_preference", Boolean.class), params, center,
                whitelist == null ? List.of() : List.of(whitelist.split(",")), null, null, null,
                rs.getString("api_key"));
    }

    private static BigDecimal canonical(BigDecimal value) {
        return value == null ? null : RingPoolValidator.canonical(value);
    }
}
