package net.ringpool.importing;

import static net.ringpool.importing.ImportFixtures.apiPools;
import static net.ringpool.importing.ImportFixtures.campaignsOf;
import static net.ringpool.importing.ImportFixtures.generate;
import static net.ringpool.importing.ImportFixtures.validRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.pool.RingPool;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.Outcomes;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --partitions N --remote}: the manager in the test's JVM sends the partitions through
 * the RabbitMQ on loopback to {@code worker} processes in JVMs of their own, all on the PostgreSQL job
 * database, against a real serve. Every test has its own queue.
 */
class RemotePartitionedImportFunctionalTests {

    private static final String NETWORK = "5302";
    private static final String TOKEN = "remote-partitions-token";
    private final Outcomes outcomes = new Outcomes();

    @TempDir
    Path directory;

    @Test
    void twoWorkersImportTwentyThousandRowsInEightPartitions() throws Exception {
        // given a serve, 20,000 rows with invalid ones, and two workers on a queue of this test
        Path file = generate(directory, "twenty-thousand.csv", 20_000, 0.02, "remote-");
        Map<String, PoolRequest> valid = validRows(file);
        String queue = queue();
        Path token = ImportFixtures.tokenFile(directory, TOKEN);
        try (RingPoolServer server = serve(FaultSettings.none());
                WorkerProcess first = WorkerProcess.start(directory, "worker-1", queue, token, 500);
                WorkerProcess second = WorkerProcess.start(directory, "worker-2", queue, token, 500)) {

            // when the manager hands out eight partitions
            Result imported = CommandLine.run(importArgs(file, server, queue, "8", "60"));

            // then all eight completed, run by both workers
            assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            long execution = imported.jobExecutionId();
            assertThat(outcomes.jdbc().queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE job_execution_id = ? "
                    + "AND step_name LIKE 'importRows:%' AND status = 'COMPLETED'", Long.class, execution)).isEqualTo(8L);
            assertThat(first.log()).contains("running importRows:partition");
            assertThat(second.log()).contains("running importRows:partition");

            // and every line has exactly one outcome, and the API holds exactly the valid pools
            assertOneOutcomePerLine(execution, 20_000);
            assertThat(outcomes.jdbc().queryForObject("SELECT COUNT(*) FROM ringpool_row_outcome WHERE "
                    + "job_execution_id = ? AND status = 'INVALID'", Long.class, execution)).isEqualTo(20_000L - valid.size());
            assertApiHoldsExactly(server, file, valid);
            assertThat(Files.readAllLines(directory.resolve("out").resolve("outcomes.csv"))).hasSize(20_001);
        }
    }

    @Test
    void aKilledWorkerFailsItsPartitionAndARestartWithTheSurvivorCompletesTheRun() throws Exception {
        // given a serve with latency, so that the run lasts, and two workers
        Path file = generate(directory, "killed-worker.csv", 6_000, 0.02, "survive-");
        Map<String, PoolRequest> valid = validRows(file);
        String queue = queue();
        Path token = ImportFixtures.tokenFile(directory, TOKEN);
        try (RingPoolServer server = serve(new FaultSettings(20, 0, 0, 0, 0, 1, 0));
                WorkerProcess doomed = WorkerProcess.start(directory, "doomed", queue, token);
                WorkerProcess survivor = WorkerProcess.start(directory, "survivor", queue, token)) {
            String[] args = importArgs(file, server, queue, "6", "6");
            CompletableFuture<Result> manager = CompletableFuture.supplyAsync(() -> CommandLine.run(args));

            // when one worker is killed (SIGKILL) once it has committed a chunk of its partition
            waitFor(() -> doomed.log().contains("running importRows:partition") && committedChunks() > 0, doomed);
            Thread.sleep(500);
            doomed.kill();
            Result failed = manager.get();

            // then the run ends failed and restartable, naming the partition whose worker went away
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(failed.err()).contains("partition importRows:partition").contains("committed nothing for 6 s")
                    .contains("run the same command again");
            long execution = failed.jobExecutionId();
            assertThat(outcomes.jdbc().queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                    String.class, execution)).isEqualTo("FAILED");
            List<String> notCompleted = outcomes.jdbc().queryForList("SELECT step_name FROM batch_step_execution WHERE "
                    + "job_execution_id = ? AND step_name LIKE 'importRows:%' AND status <> 'COMPLETED'", String.class,
                    execution);
            assertThat(notCompleted).hasSize(1);

            // and when the same command runs again with the surviving worker
            Result resumed = CommandLine.run(args);

            // then only the failed partition ran again, and the run completed
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCode.ROWS_FAILED);
            assertThat(resumed.err()).contains("resuming job execution " + execution);
            assertThat(outcomes.jdbc().queryForList("SELECT step_name FROM batch_step_execution WHERE job_execution_id = ? "
                    + "AND step_name LIKE 'importRows:%'", String.class, resumed.jobExecutionId()))
                    .containsExactlyElementsOf(notCompleted);
            assertThat(outcomes.instanceOf(resumed.jobExecutionId())).isEqualTo(outcomes.instanceOf(execution));

            // and every line has exactly one outcome across both executions, and the API holds exactly the valid pools
            assertOneOutcomePerLine(execution, 6_000);
            assertApiHoldsExactly(server, file, valid);
            assertThat(Files.readAllLines(directory.resolve("out").resolve("outcomes.csv"))).hasSize(6_001);
        }
    }

    @Test
    void aWorkerThatCannotReadTheInputFailsItsPartitionsAndTheManagerSaysWhy() throws Exception {
        // given a manager whose partitions wait on a queue no worker listens on yet
        Path file = generate(directory, "vanishing.csv", 300, 0, "vanish-");
        String queue = queue();
        Path token = ImportFixtures.tokenFile(directory, TOKEN);
        try (RingPoolServer server = serve(FaultSettings.none())) {
            String[] args = importArgs(file, server, queue, "2", "120");
            CompletableFuture<Result> manager = CompletableFuture.supplyAsync(() -> CommandLine.run(args));
            waitFor(() -> outcomes.jdbc().queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE step_name "
                    + "LIKE 'importRows:%' AND status = 'STARTING' AND job_execution_id = (SELECT MAX(job_execution_id) "
                    + "FROM batch_job_execution)", Long.class) == 2, null);

            // when the input is gone from where the worker looks (a path that is not on a shared filesystem)
            Files.move(file, directory.resolve("elsewhere.csv"));
            try (WorkerProcess worker = WorkerProcess.start(directory, "blind", queue, token)) {
                Result failed = manager.get();

                // then both partitions failed with the worker's reason, and the manager reports it
                assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
                assertThat(failed.err()).contains("2 partitions did not complete")
                        .contains("the input " + file + " cannot be read on")
                        .contains("every worker must see the input at the same absolute path");
            }
        }
    }

    @Test
    void javaSerializedRequestsAreDeadLetteredOnceAndTheirPartitionsFailInsteadOfBeingRedeliveredForever()
            throws Exception {
        // given a manager waiting for two partitions, whose requests are replaced by Java-serialized ones,
        // as a manager with Spring AMQP's default converter would send them
        Path file = generate(directory, "serialized.csv", 200, 0, "serialized-");
        String queue = queue();
        Path token = ImportFixtures.tokenFile(directory, TOKEN);
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(WorkerProcess.BROKER));
        try (RingPoolServer server = serve(FaultSettings.none())) {
            String[] args = importArgs(file, server, queue, "2", "120");
            CompletableFuture<Result> manager = CompletableFuture.supplyAsync(() -> CommandLine.run(args));
            waitFor(() -> waitingPartitions().size() == 2, null);
            RabbitAdmin admin = new RabbitAdmin(connections);
            waitFor(() -> admin.getQueueInfo(queue) != null && admin.getQueueInfo(queue).getMessageCount() == 2, null);
            admin.purgeQueue(queue, false);
            RabbitTemplate serializing = new RabbitTemplate(connections);
            for (long stepExecutionId : waitingPartitions()) {
                serializing.convertAndSend("", queue, new StepExecutionRequest("importRows", stepExecutionId), message -> {
                    message.getMessageProperties().setHeader("ringpool-step-execution-id", stepExecutionId);
                    return message;
                });
            }

            // when a worker takes them
            try (WorkerProcess worker = WorkerProcess.start(directory, "strict", queue, token)) {
                Result failed = manager.get();

                // then each was logged once as an error and dead-lettered, and the manager stopped waiting
                assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
                assertThat(failed.err()).contains("2 partitions did not complete")
                        .contains("the worker could not read its request");
                assertThat(worker.log().split("rejected an unreadable partition request", -1)).hasSize(3);
                assertThat(admin.getQueueInfo(queue + ".dead").getMessageCount()).isEqualTo(2);
                assertThat(admin.getQueueInfo(queue).getMessageCount()).isZero();
            }

            // and the token is nowhere in the job repository, though the partitions' settings are
            List<String> contexts = new ArrayList<>();
            for (String table : List.of("batch_step_execution_context", "batch_job_execution_context")) {
                outcomes.jdbc().queryForList("SELECT COALESCE(serialized_context, short_context) FROM " + table,
                        String.class).forEach(context -> contexts.add(new String(Base64.getDecoder().decode(context),
                        StandardCharsets.ISO_8859_1)));
            }
            assertThat(contexts).anyMatch(context -> context.contains("import.settings.api-url"))
                    .noneMatch(context -> context.contains(TOKEN));
            assertThat(outcomes.jdbc().queryForObject("SELECT COUNT(*) FROM batch_job_execution_params WHERE "
                    + "parameter_value LIKE ?", Long.class, "%" + TOKEN + "%")).isZero();
        } finally {
            connections.destroy();
        }
    }

    @Test
    void theManagerRefusesARelativePathUpFront() throws Exception {
        // given
        Path file = generate(directory, "relative.csv", 10, 0, "relative-");
        Path relative = Path.of("").toAbsolutePath().relativize(file);

        // when
        Result refused = CommandLine.run("import", relative.toString(), "--api-url", "http://127.0.0.1:9",
                "--network-id", NETWORK, "--token-file", ImportFixtures.tokenFile(directory, TOKEN).toString(),
                "--partitions", "2", "--remote", "--broker", WorkerProcess.BROKER, "--db", TestDatabase.postgresUrl());

        // then nothing was sent and the line says what to do
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("with --remote every FILE must be an absolute path on a filesystem the "
                + "workers share");
    }

    private String[] importArgs(Path file, RingPoolServer server, String queue, String partitions, String timeout)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("import", file.toAbsolutePath().toString(), "--api-url",
                server.baseUrl(), "--network-id", NETWORK, "--token-file",
                ImportFixtures.tokenFile(directory, TOKEN).toString(), "--partitions", partitions, "--remote",
                "--broker", WorkerProcess.BROKER, "--queue", queue, "--partition-timeout", timeout, "--chunk-size",
                "100", "--out", directory.resolve("out").toString()));
        args.addAll(List.of(TestDatabase.postgresOptions()));
        return args.toArray(String[]::new);
    }

    private static RingPoolServer serve(FaultSettings faults) {
        return RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, faults),
                TestDatabase.postgres(), false);
    }

    private final List<String> queues = new ArrayList<>();

    /** A queue of this test alone, deleted with its dead-letter queue after the test. */
    private String queue() {
        String queue = "ringpool.test." + UUID.randomUUID();
        queues.add(queue);
        return queue;
    }

    @AfterEach
    void deleteQueues() {
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(WorkerProcess.BROKER));
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            queues.forEach(queue -> {
                admin.deleteQueue(queue);
                admin.deleteQueue(queue + ".dead");
            });
        } finally {
            connections.destroy();
        }
    }

    private List<Long> waitingPartitions() {
        return outcomes.jdbc().queryForList("SELECT step_execution_id FROM batch_step_execution WHERE step_name "
                + "LIKE 'importRows:%' AND status = 'STARTING' AND job_execution_id = (SELECT MAX(job_execution_id) "
                + "FROM batch_job_execution)", Long.class);
    }

    private long committedChunks() {
        return outcomes.jdbc().queryForObject("SELECT COALESCE(MAX(commit_count), 0) FROM batch_step_execution WHERE "
                + "step_name LIKE 'importRows:%' AND status = 'STARTED'", Long.class);
    }

    private void assertOneOutcomePerLine(long execution, long rows) {
        Map<String, Object> lines = outcomes.jdbc().queryForMap("SELECT COUNT(*) AS outcomes, COUNT(DISTINCT line_number) "
                + "AS lines, MIN(line_number) AS first, MAX(line_number) AS last FROM ringpool_row_outcome WHERE "
                + "job_instance_id = ?", outcomes.instanceOf(execution));
        assertThat(lines).containsEntry("outcomes", rows).containsEntry("lines", rows).containsEntry("first", 2L)
                .containsEntry("last", rows + 1);
    }

    private static void assertApiHoldsExactly(RingPoolServer server, Path file, Map<String, PoolRequest> valid)
            throws Exception {
        Map<String, RingPool> held = apiPools(server, NETWORK, TOKEN, campaignsOf(file));
        String prefix = valid.keySet().iterator().next().replaceAll("-.*", "-");
        held.keySet().removeIf(id -> !id.startsWith(prefix));
        assertThat(held.keySet()).isEqualTo(valid.keySet());
        valid.forEach((id, row) -> assertThat(ImportFixtures.sameWritableFields(held.get(id), row))
                .as("pool %s", id).isTrue());
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, WorkerProcess worker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 90 s in vain" + (worker == null ? "" : ":\n" + worker.log()));
            }
            Thread.sleep(100);
        }
    }
}
