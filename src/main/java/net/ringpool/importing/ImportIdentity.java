package net.ringpool.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Which job instance a command line means. Identifying: the files (paths and content), the network,
 * the API and the run number. Running the same command again after a failed or stopped run resumes
 * it; after a completed run, the next run number starts a new instance, so a nightly file can be
 * imported every night. The token is never a parameter.
 */
record ImportIdentity(String files, String contentSha256, String networkId, String apiUrl, String delimiter,
        boolean dryRun, boolean partitioned) {

    static final String JOB_NAME = "import";
    static final String RUN = "run";
    private static final int MAX_PARAMETER_LENGTH = 2000;

    static ImportIdentity of(ImportSettings settings) throws IOException {
        String files = String.join("\n", settings.fileNames());
        if (files.length() > MAX_PARAMETER_LENGTH) {
            files = settings.files().size() + " files: " + files.substring(0, MAX_PARAMETER_LENGTH - 40) + "…";
        }
        return new ImportIdentity(files, contentSha256(settings.files()), settings.networkId(), settings.apiUrl(),
                String.valueOf(settings.csv().delimiter()), settings.dryRun(), settings.partitioning().partitioned());
    }

    /** The non-identifying job parameter that {@code ringpool_job_summary.launched_by} reads. */
    public static final String LAUNCHED_BY = "launched_by";

    JobParameters parameters(long run) {
        JobParametersBuilder builder = new JobParametersBuilder();
        if (partitioned) {
            // a partitioned run has other steps than a plain one, so it cannot resume one (and the reverse);
            // the number of partitions may change between attempts: a restart keeps the first split
            builder.addString("partitioned", "true");
        }
        return builder
                .addString("files", files)
                .addString("files.sha256", contentSha256)
                .addString("network.id", networkId)
                .addString("api.url", apiUrl)
                .addString("delimiter", delimiter)
                .addString("dry.run", String.valueOf(dryRun))
                .addLong(RUN, run)
                // who ran what, for auditors; not part of the run's identity
                .addString(LAUNCHED_BY, launchedBy(), false)
                .toJobParameters();
    }

    /** The operating-system user and host that started the run, e.g. {@code ringpool@batch-01}. */
    public static String launchedBy() {
        return System.getProperty("user.name", "unknown") + "@" + host();
    }

    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** A changed file is new input: it starts a new run rather than resuming by line into other content. */
    private static String contentSha256(List<Path> files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
