package net.ringpool.reliability;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.Outcomes;
import net.ringpool.support.TestDatabase;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * Imports every file of the bad-input corpus ({@code src/test/resources/bad-input/expected.csv}) with
 * the command line against a real serve on PostgreSQL, each into a network of its own, and checks what
 * the manifest expects: exit 2 with one line naming the cause and the file and nothing sent, or per-row
 * outcomes that name every problem, the API holding exactly the rows that succeeded. Never a stack trace.
 * Each file's measured result goes to the suite's closing summary.
 */
@Tag("reliability")
class BadInputCorpusTests {

    private static final List<BadInputFile> CORPUS = BadInputFile.corpus();
    private static final Set<String> SUCCEEDED = Set.of("CREATED", "UPDATED", "UNCHANGED", "DELETED");
    /** Beyond the file's path, the most one clear line needs. */
    private static final int MAX_MESSAGE_CHARS = 300;
    private static RingPoolServer server;
    private static final Outcomes outcomes = new Outcomes();

    @TempDir
    static Path directory;

    @BeforeAll
    static void start() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (BadInputFile file : CORPUS) {
            tokens.put(token(file), network(file));
        }
        Map<String, Object> database = new LinkedHashMap<>(TestDatabase.postgres());
        database.put("ringpool.serve.count-requests", true);
        server = RingPoolServer.start(0, "127.0.0.1", new ServeSettings(tokens, Set.of(), false, FaultSettings.none()),
                database, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<BadInputFile> corpus() {
        return CORPUS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void importsAsTheManifestExpects(BadInputFile entry) throws Exception {
        // given
        Path file = entry.materialise(directory);
        Path out = directory.resolve("out-" + entry.file());
        Path tokenFile = Files.writeString(directory.resolve("token-" + network(entry)), token(entry));

        // when
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--api-url", server.baseUrl(),
                "--network-id", network(entry), "--token-file", tokenFile.toString(), "--out", out.toString()));
        args.addAll(List.of(TestDatabase.postgresOptions()));
        Result result = CommandLine.run(args.toArray(String[]::new));

        // then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(result.exitCode()).as("exit code").isEqualTo(entry.exitCode());
        for (String printed : List.of(result.out(), result.err())) {
            softly.assertThat(printed).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
        }
        if (entry.isUsageError()) {
            checkUsageError(softly, entry, file, result);
        } else if (result.exitCode() == entry.exitCode()) {
            checkOutcomes(softly, entry, out, result);
        }
        boolean met = softly.errorsCollected().isEmpty();
        ReliabilitySummary.record(new ReliabilitySummary.BadInput(entry.file(),
                "exit " + entry.exitCode() + ", " + entry.expect(), met));
        softly.assertAll();
    }

    private static void checkUsageError(SoftAssertions softly, BadInputFile entry, Path file, Result result) {
        List<String> lines = result.err().lines().toList();
        softly.assertThat(lines).as("stderr: one line").hasSize(1);
        if (!lines.isEmpty()) {
            String line = lines.get(0);
            softly.assertThat(line).as("the line").startsWith("error: " + file).contains(entry.stderrFragment());
            softly.assertThat(line.codePoints().filter(BadInputCorpusTests::invisible).count())
                    .as("control and format characters in the line").isZero();
            softly.assertThat(line.length()).as("length of the line").isLessThanOrEqualTo(
                    ("error: " + file).length() + MAX_MESSAGE_CHARS);
        }
        softly.assertThat(result.out()).as("stdout").isEmpty();
        softly.assertThat(requestsOf(entry)).as("requests sent to the API").isZero();
    }

    private static void checkOutcomes(SoftAssertions softly, BadInputFile entry, Path out, Result result)
            throws Exception {
        List<Map<String, Object>> rows = outcomes.ofInstance(result.jobExecutionId());
        Map<Long, Map<String, Object>> byLine = new TreeMap<>();
        rows.forEach(row -> byLine.put(((Number) row.get("line_number")).longValue(), row));
        softly.assertThat(byLine).as("one outcome per line").hasSameSizeAs(rows);
        if (entry.outcomeCount() >= 0) {
            softly.assertThat(rows).as("outcome rows").hasSize((int) entry.outcomeCount());
        }

        Set<Long> named = new TreeSet<>();
        for (BadInputFile.LineCheck check : entry.lineChecks()) {
            named.add(check.line());
            Map<String, Object> row = byLine.get(check.line());
            softly.assertThat(row).as("outcome of line %d", check.line()).isNotNull();
            if (row != null) {
                softly.assertThat(row.get("status")).as("status of line %d", check.line()).isEqualTo(check.status());
                String message = String.valueOf(row.get("message"));
                check.fragments().forEach(fragment -> softly.assertThat(message)
                        .as("message of line %d", check.line()).contains(fragment));
            }
        }
        byLine.forEach((line, row) -> {
            if (!named.contains(line)) {
                softly.assertThat((String) row.get("status")).as("status of line %d, not named", line).isIn(SUCCEEDED);
            }
        });

        Set<String> expectedPools = new LinkedHashSet<>();
        Set<Long> unsuccessful = new TreeSet<>();
        byLine.forEach((line, row) -> {
            String status = (String) row.get("status");
            String id = (String) row.get("id_from_network");
            if (status.equals("DELETED")) {
                expectedPools.remove(id);
            } else if (SUCCEEDED.contains(status)) {
                expectedPools.add(id);
            } else {
                unsuccessful.add(line);
            }
        });
        Map<String, JsonNode> held = NetworkPools.of(server, network(entry), token(entry));
        softly.assertThat(held.keySet()).as("pools the API holds").containsExactlyInAnyOrderElementsOf(expectedPools);
        for (BadInputFile.PoolCheck check : entry.poolChecks()) {
            JsonNode pool = held.get(check.id());
            JsonNode value = pool == null ? null : pool.get(check.field());
            softly.assertThat(value == null || value.isNull() ? null : value.asString())
                    .as("%s of pool %s", check.field(), check.id()).isEqualTo(check.value());
        }
        softly.assertThat(errorLines(out.resolve("errors.csv"))).as("lines in errors.csv")
                .containsExactlyElementsOf(unsuccessful);
    }

    private static List<Long> errorLines(Path errors) throws Exception {
        try (Reader reader = Files.newBufferedReader(errors, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.stream().map((CSVRecord record) -> Long.parseLong(record.get("outcome_line"))).toList();
        }
    }

    /** What could break the line or act on a terminal rather than show. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static long requestsOf(BadInputFile entry) {
        return server.requestCounts().entrySet().stream()
                .filter(count -> count.getKey().contains(" /api/2016-10-01/" + network(entry) + "/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String network(BadInputFile entry) {
        return String.valueOf(7400 + CORPUS.indexOf(entry));
    }

    private static String token(BadInputFile entry) {
        return "bad-input-token-" + network(entry);
    }
}
