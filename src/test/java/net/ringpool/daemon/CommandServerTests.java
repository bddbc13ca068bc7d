package net.ringpool.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's socket and protocol, with a command runner of the test's own. */
class CommandServerTests {

    private static final Path HERE = Path.of("").toAbsolutePath();

    @TempDir
    Path directory;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final CountDownLatch callerGone = new CountDownLatch(1);
    /** Lets a command that waits on it end. */
    private final CountDownLatch release = new CountDownLatch(1);
    private CommandServer server;
    private Thread serving;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (server != null) {
            server.close();
            serving.join(10_000);
        }
    }

    @Test
    void theCommandsOutputErrorAndExitCodeReachTheCaller() throws Exception {
        // given: a command that prints to both streams, logs through System.out as logging does, and exits 3
        start((request, out, err) -> {
            out.println("first line");
            err.println("a problem");
            System.out.println("a log line");
            out.println("last line " + request.args());
            return 3;
        }, Duration.ZERO);

        // when
        Answer answer = call(request(HERE, "import", "file.csv"));

        // then
        assertThat(answer.code()).isEqualTo(3);
        assertThat(answer.out()).isEqualTo(lines("first line", "a log line", "last line [import, file.csv]"));
        assertThat(answer.err()).isEqualTo(lines("a problem"));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("import: exit 3 in");
    }

    @Test
    void theCommandRunsWithTheCallersEnvironment() throws Exception {
        // given
        start((request, out, err) -> {
            out.print(request.environment().get("INVOCA_API_TOKEN"));
            return request.console() ? 0 : 1;
        }, Duration.ZERO);

        // when
        Answer answer = call(new CommandRequest(HERE, true, List.of("jobs"), Map.of("INVOCA_API_TOKEN", "caller-token")));

        // then
        assertThat(answer.out()).isEqualTo("caller-token");
        assertThat(answer.code()).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("caller-token");
    }

    @Test
    void anotherDirectoryACommandItDoesNotRunOrNoDaemonIsNotServed() throws Exception {
        // given
        start((request, out, err) -> 0, Duration.ZERO);

        // when / then
        assertThat(call(request(directory, "jobs")).code()).isEqualTo(CommandClient.NOT_SERVED);
        assertThat(call(request(HERE, "serve")).code()).isEqualTo(CommandClient.NOT_SERVED);
        assertThat(call(request(HERE, "jobs")).code()).isZero();
        assertThat(CommandClient.run(directory.resolve("none.sock"), request(HERE, "jobs"), new ByteArrayOutputStream(),
                new ByteArrayOutputStream())).isEqualTo(CommandClient.NOT_SERVED);
    }

    @Test
    void aCommandLineArrivingWhileOneRunsIsNotServed() throws Exception {
        // given: a command that runs until the test lets it end
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        start((request, out, err) -> {
            running.countDown();
            await(end);
            return 0;
        }, Duration.ZERO);
        Thread first = new Thread(() -> call(request(HERE, "import")));
        first.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        // when
        int second = call(request(HERE, "jobs")).code();
        end.countDown();
        first.join(10_000);

        // then
        assertThat(second).isEqualTo(CommandClient.NOT_SERVED);
        assertThat(call(request(HERE, "jobs")).code()).isZero();
    }

    @Test
    void aCallerGoingAwayWhileItsCommandRunsIsNoticed() throws Exception {
        // given
        CountDownLatch running = new CountDownLatch(1);
        start((request, out, err) -> {
            running.countDown();
            await(release);
            return 0;
        }, Duration.ZERO);

        // when: the caller sends its command line and then closes, as a caller stopped with Ctrl-C does
        try (SocketChannel caller = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
            request(HERE, "import").writeTo(new DataOutputStream(Channels.newOutputStream(caller)));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        }

        // then
        assertThat(callerGone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("the caller of `import` went away while it ran");
    }

    @Test
    void onlyItsUserMayUseTheSocketAndItIsGoneAfterAnIdleTimeout() throws Exception {
        // given
        start((request, out, err) -> 0, Duration.ofSeconds(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket()))).isEqualTo("rw-------");

        // when
        serving.join(10_000);

        // then
        assertThat(serving.isAlive()).isFalse();
        assertThat(server.socket()).doesNotExist();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("no command for PT1S: stopping");
    }

    @Test
    void aSocketLeftByAKilledDaemonIsReplacedAndALiveOneIsNot() throws Exception {
        // given: a socket file nobody listens on
        Path socket = directory.resolve("left.sock");
        try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        // when
        start(socket, (request, out, err) -> 0, Duration.ZERO);

        // then
        assertThat(call(request(HERE, "jobs")).code()).isZero();
        assertThatThrownBy(() -> CommandServer.bind(socket, Set.of("jobs"), (request, out, err) -> 0, () -> { },
                new PrintStream(log))).hasMessageContaining("a daemon is already listening on " + socket);
    }

    private void start(CommandServer.Runner runner, Duration idleTimeout) throws IOException {
        start(directory.resolve("daemon.sock"), runner, idleTimeout);
    }

    private void start(Path socket, CommandServer.Runner runner, Duration idleTimeout) throws IOException {
        server = CommandServer.bind(socket, Set.of("import", "jobs"), runner, callerGone::countDown,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        serving = new Thread(() -> {
            try {
                server.serve(idleTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        serving.start();
    }

    private Answer call(CommandRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandClient.run(server.socket(), request, out, err);
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static CommandRequest request(Path workingDirectory, String... args) {
        return new CommandRequest(workingDirectory, false, List.of(args), Map.of());
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int code, String out, String err) {
    }
}
