package net.ringpool.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.ringpool.cli.UsageException;

/**
 * Checks every file before the job starts, so that an unusable file stops the import before anything
 * is sent (exit 2): readable, UTF-8 text rather than UTF-16 or a binary file, a header with the required
 * columns, no unknown or repeated columns.
 */
final class InputCheck {

    private static final int LISTED_NAMES = 10;
    /** What the decoder puts where the bytes are not UTF-8. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private InputCheck() {
    }

    /** @throws UsageException with one line per unusable file, naming it and what is wrong */
    static void check(List<Path> files, CsvOptions options) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String problem = problem(file, options);
            if (problem != null) {
                problems.add(file + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join(System.lineSeparator() + "error: ", problems));
        }
    }

    private static String problem(Path file, CsvOptions options) {
        if (Files.isDirectory(file)) {
            return "is a directory, not a CSV file";
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Files.exists(file) ? "cannot be read (permissions?)" : "no such file";
        }
        CsvHeader header;
        try {
            String signature = FileSignature.problem(file);
            if (signature != null) {
                return signature;
            }
            header = CsvHeader.read(file, options);
        } catch (IOException e) {
            return e.getMessage();
        }
        if (header.names().stream().anyMatch(name -> name.indexOf(NOT_UTF_8) >= 0)) {
            return "the header row is not UTF-8 text (save the file as CSV UTF-8)";
        }
        List<String> missing = header.missingColumns(options.networkGeneratesIds());
        if (!missing.isEmpty()) {
            return "the header lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + delimiterHint(header, options);
        }
        List<String> duplicates = header.duplicateColumns();
        if (!duplicates.isEmpty()) {
            return "the header repeats the column" + (duplicates.size() > 1 ? "s " : " ") + listed(duplicates);
        }
        List<String> unknown = header.unknownColumns();
        if (!unknown.isEmpty() && !options.ignoreUnknownColumns()) {
            return "unknown column" + (unknown.size() > 1 ? "s " : " ") + listed(unknown)
                    + " (--ignore-unknown-columns imports the file without them)";
        }
        return null;
    }

    /** A header read as one column holding another common separator was written with that one. */
    private static String delimiterHint(CsvHeader header, CsvOptions options) {
        if (options.delimiter() != ',' || header.size() != 1) {
            return "";
        }
        String only = header.names().get(0);
        if (only.contains(";")) {
            return " (is the file separated by semicolons? use --delimiter ';')";
        }
        if (only.contains("\t")) {
            return " (is the file separated by tabs? use --delimiter tab)";
        }
        return "";
    }

    /** Names for one line: a header of thousands of columns must not become a message of thousands of names. */
    private static String listed(List<String> names) {
        List<String> shown = names.subList(0, Math.min(names.size(), LISTED_NAMES)).stream().map(VisibleText::of)
                .toList();
        return String.join(", ", shown) + (names.size() > LISTED_NAMES
                ? String.format(Locale.ROOT, " and %,d more", names.size() - LISTED_NAMES) : "");
    }
}
