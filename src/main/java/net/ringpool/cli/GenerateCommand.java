package net.ringpool.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import net.ringpool.sample.PoolFileGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes a large import file for rehearsals and benchmarks.",
                "",
                "The same options always give the same file. Rows spread over",
                "advertisers and campaigns; a share of them carries one deliberate",
                "mistake (their id_from_network ends in -x), so that an import of the",
                "file ends with exit code 3.",
                ""},
        footer = {"", "Example:", "  ringpool-batch generate --rows 20000 --invalid-share 0.05 -o pools-20k.csv"})
class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Rows to write.")
    long rows;

    @Option(names = "--invalid-share", defaultValue = "0.05", paramLabel = "SHARE",
            description = "Share (0..1) of rows with a mistake (default: ${DEFAULT-VALUE}).")
    double invalidShare;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--advertisers", defaultValue = "10", paramLabel = "N", description = "Advertisers (default: ${DEFAULT-VALUE}).")
    int advertisers;

    @Option(names = "--campaigns", defaultValue = "5", paramLabel = "N",
            description = "Campaigns per advertiser (default: ${DEFAULT-VALUE}).")
    int campaigns;

    @Option(names = "--id-prefix", defaultValue = "gen-", paramLabel = "TEXT",
            description = "Start of every id_from_network (default: ${DEFAULT-VALUE}).")
    String idPrefix;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        PoolFileGenerator.Spec generation;
        try {
            generation = new PoolFileGenerator.Spec(rows, invalidShare, seed, advertisers, campaigns, idPrefix);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rows must not be negative, --invalid-share must be from 0 to 1, "
                    + "--advertisers and --campaigns at least 1");
        }
        PoolFileGenerator.Written written = PoolFileGenerator.write(output, generation);
        spec.commandLine().getOut().printf("wrote %,d rows (%,d with a mistake) to %s%n", written.rows(),
                written.invalid(), output);
        return ExitCode.OK;
    }
}
