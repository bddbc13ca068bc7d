package net.ringpool.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One entry of the bad-input corpus, {@code src/test/resources/bad-input/expected.csv}: a file and what
 * importing it must do. {@code expect} is either {@code stderr: FRAGMENT} (exit 2: one line naming the
 * cause) or {@code &&}-separated checks of an import that ran:
 * <ul>
 * <li>{@code line N STATUS [naming ...]}: the outcome of the record starting at line N; each bare word
 * names a column ({@code column:} in the message), each {@code 'quoted phrase'} must appear as is;</li>
 * <li>{@code pool ID FIELD=VALUE}: the pool the API holds afterwards;</li>
 * <li>{@code outcomes N}: the number of outcome rows.</li>
 * </ul>
 * Lines not named must have succeeded. {@code source} says where the file comes from: committed under
 * {@code bad-input/}, generated at test time (too large to commit), or a path that is a directory or absent.
 */
record BadInputFile(String file, String source, int exitCode, String expect, String why) {

    static final String HEADER = "advertiser_id_from_network,advertiser_campaign_id_from_network,id_from_network,"
            + "name,pool_type,destination_type";
    private static final String CORPUS = "/bad-input/";
    private static final Pattern LINE = Pattern.compile("line (\\d+) ([A-Z]+)(?: naming (.+))?");
    private static final Pattern POOL = Pattern.compile("pool (\\S+) ([a-z_0-9]+)=(.*)");
    private static final Pattern OUTCOMES = Pattern.compile("outcomes (\\d+)");
    private static final Pattern TERM = Pattern.compile("'([^']*)'|(\\S+)");

    record LineCheck(long line, String status, List<String> fragments) {
    }

    record PoolCheck(String id, String field, String value) {
    }

    static List<BadInputFile> corpus() {
        try (InputStream in = BadInputFile.class.getResourceAsStream(CORPUS + "expected.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<BadInputFile> files = new ArrayList<>();
            for (CSVRecord record : parser) {
                files.add(new BadInputFile(record.get("file"), record.get("source"),
                        Integer.parseInt(record.get("exit")), record.get("expect"), record.get("why")));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path to import: the committed file copied, a generated one written, a directory or an absent path. */
    Path materialise(Path directory) throws IOException {
        Path path = directory.resolve(file);
        switch (source) {
            case "committed" -> {
                try (InputStream in = BadInputFile.class.getResourceAsStream(CORPUS + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the manifest names " + file + ", which is not in " + CORPUS);
                    }
                    Files.copy(in, path);
                }
            }
            case "generated" -> generate(path);
            case "directory" -> Files.createDirectories(path);
            case "missing" -> Files.deleteIfExists(path);
            default -> throw new IllegalStateException("unknown source " + source + " of " + file);
        }
        return path;
    }

    boolean isUsageError() {
        return expect.startsWith("stderr: ");
    }

    String stderrFragment() {
        return expect.substring("stderr: ".length());
    }

    List<LineCheck> lineChecks() {
        List<LineCheck> checks = new ArrayList<>();
        for (String check : checks()) {
            Matcher matcher = LINE.matcher(check);
            if (matcher.matches()) {
                List<String> fragments = new ArrayList<>();
                if (matcher.group(3) != null) {
                    Matcher term = TERM.matcher(matcher.group(3));
                    while (term.find()) {
                        fragments.add(term.group(1) != null ? term.group(1) : term.group(2) + ":");
                    }
                }
                checks.add(new LineCheck(Long.parseLong(matcher.group(1)), matcher.group(2), fragments));
            }
        }
        return checks;
    }

    List<PoolCheck> poolChecks() {
        List<PoolCheck> checks = new ArrayList<>();
        for (String check : checks()) {
            Matcher matcher = POOL.matcher(check);
            if (matcher.matches()) {
                checks.add(new PoolCheck(matcher.group(1), matcher.group(2), matcher.group(3)));
            }
        }
        return checks;
    }

    /** The expected number of outcome rows, or -1 when the manifest does not say. */
    long outcomeCount() {
        return checks().stream().map(OUTCOMES::matcher).filter(Matcher::matches)
                .mapToLong(matcher -> Long.parseLong(matcher.group(1))).findFirst().orElse(-1);
    }

    private List<String> checks() {
        List<String> checks = List.of(expect.split("\\s*&&\\s*"));
        for (String check : checks) {
            if (!LINE.matcher(check).matches() && !POOL.matcher(check).matches() && !OUTCOMES.matcher(check).matches()) {
                throw new IllegalStateException("cannot read the expectation '" + check + "' of " + file);
            }
        }
        return checks;
    }

    private void generate(Path path) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            switch (file) {
                case "huge-cell.csv" -> {
                    out.write(HEADER + "\n");
                    out.write("adv,c1,p-1,");
                    String block = "x".repeat(1024);
                    for (int i = 0; i < 10 * 1024; i++) {
                        out.write(block);
                    }
                    out.write(",Search,Advertiser\n");
                    out.write("adv,c1,p-2,Pool 2,Search,Advertiser\n");
                }
                case "hundred-thousand-columns.csv" -> {
                    int extra = 100_000 - 6;
                    out.write(HEADER);
                    for (int i = 1; i <= extra; i++) {
                        out.write(",c" + i);
                    }
                    out.write("\nadv,c1,p-1,Pool 1,Search,Advertiser");
                    out.write(",".repeat(extra));
                    out.write("\n");
                }
                case "many-empty-lines.csv" -> {
                    out.write(HEADER + "\n");
                    for (int i = 0; i < 100_000; i++) {
                        out.write(i % 10 == 9 ? ",,,,,\n" : i % 2 == 0 ? "\n" : "\r\n");
                    }
                    out.write("adv,c1,p-1,After the gap,Search,Advertiser\n");
                }
                default -> throw new IllegalStateException("no generator for " + file);
            }
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
