package net.ringpool.importing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.ringpool.cli.Main;
import net.ringpool.support.TestDatabase;

/** A {@code worker} in a JVM of its own on the test classpath, as it runs on another machine. */
final class WorkerProcess implements AutoCloseable {

    static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

    private final Process process;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a worker on the queue and waits until it listens. */
    static WorkerProcess start(Path directory, String name, String queue, Path tokenFile) throws Exception {
        return start(directory, name, queue, tokenFile, 100);
    }

    static WorkerProcess start(Path directory, String name, String queue, Path tokenFile, int chunkSize)
            throws Exception {
        Path log = directory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", testClasspath(), Main.class.getName(), "worker",
                "--broker", BROKER, "--queue", queue, "--token-file", tokenFile.toString(), "--chunk-size", String.valueOf(chunkSize)));
        command.addAll(List.of(TestDatabase.postgresOptions()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WorkerProcess worker = new WorkerProcess(process, log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!worker.log().contains("worker listening on queue " + queue)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("worker " + name + " did not start:\n" + worker.log());
            }
            Thread.sleep(100);
        }
        return worker;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no shutdown hook, no chance to record anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, classpath.split(File.pathSeparator));
    }
}
