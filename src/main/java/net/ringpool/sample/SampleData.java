package net.ringpool.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample files the demo imports: {@code ./sample-data/} when run from the repository, else the
 * copies bundled in the jar, written out to a folder first so that the import can read them as files.
 */
public final class SampleData {

    /** Every column and every action. */
    public static final String POOLS = "pools.csv";
    /** Deliberate mistakes: invalid values, rejected rows, malformed records. */
    public static final String MISTAKES = "pools-with-mistakes.csv";
    public static final List<String> FILES = List.of(POOLS, MISTAKES);

    private SampleData() {
    }

    /**
     * @param repositoryFolder where the files are in a checkout, e.g. sample-data
     * @param extractTo where bundled copies go when the checkout's are not there
     */
    public static List<Path> files(Path repositoryFolder, Path extractTo) throws IOException {
        List<Path> files = new ArrayList<>();
        boolean inCheckout = FILES.stream().allMatch(name -> Files.isRegularFile(repositoryFolder.resolve(name)));
        for (String name : FILES) {
            if (inCheckout) {
                files.add(repositoryFolder.resolve(name));
                continue;
            }
            Files.createDirectories(extractTo);
            Path copy = extractTo.resolve(name);
            try (InputStream bundled = SampleData.class.getResourceAsStream("/sample-data/" + name)) {
                if (bundled == null) {
                    throw new IOException("the sample file " + name + " is neither in " + repositoryFolder
                            + " nor bundled in the jar");
                }
                Files.copy(bundled, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            files.add(copy);
        }
        return files;
    }
}
