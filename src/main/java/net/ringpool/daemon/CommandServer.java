package net.ringpool.daemon;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Runs command lines handed over a Unix socket in this JVM, one at a time, so that a caller skips starting a JVM
 * and loading the classes of Spring, Spring Batch and the HTTP client (bench/README.md). Only callers of the
 * same operating-system user are answered; a command line from another directory, or while one runs, is
 * refused ({@link Frames#NOT_SERVED}) and the caller runs it in a JVM of its own.
 */
public final class CommandServer implements Closeable {

    private static final int REQUEST_TIMEOUT_SECONDS = 10;

    /** Runs one command line with the caller's output; returns its exit code. */
    public interface Runner {
        int run(CommandRequest request, PrintWriter out, PrintWriter err);
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final UserPrincipal owner;
    private final Path workingDirectory;
    private final Set<String> commands;
    private final Runner runner;
    private final Runnable callerGone;
    private final PrintStream log;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(task -> new Thread(task, "ringpool-daemon-run"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ringpool-daemon-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile long idleSince = System.nanoTime();

    private CommandServer(ServerSocketChannel server, Path socket, Set<String> commands, Runner runner,
            Runnable callerGone, PrintStream log) throws IOException {
        this.server = server;
        this.socket = socket;
        this.owner = Files.getOwner(socket);
        this.workingDirectory = Path.of("").toAbsolutePath();
        this.commands = Set.copyOf(commands);
        this.runner = runner;
        this.callerGone = callerGone;
        this.log = log;
    }

    /**
     * Listens on {@code socket}, readable and writable by this user only.
     *
     * @param commands the commands it runs, e.g. {@code import}; others are refused
     * @param callerGone what to do when a caller goes away while its command runs (Ctrl-C)
     * @param log where the daemon writes a line per command, never the command's output
     */
    public static CommandServer bind(Path socket, Set<String> commands, Runner runner, Runnable callerGone,
            PrintStream log) throws IOException {
        if (Files.exists(socket)) {
            if (answers(socket)) {
                throw new IOException("a daemon is already listening on " + socket);
            }
            Files.delete(socket);   // left by a daemon that was killed
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            return new CommandServer(server, socket, commands, runner, callerGone, log);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public Path socket() {
        return socket;
    }

    /** Answers callers until {@link #close()}, or until no command has run for {@code idleTimeout} (zero: never). */
    public void serve(Duration idleTimeout) throws InterruptedException {
        if (!idleTimeout.isZero()) {
            timer.scheduleWithFixedDelay(() -> {
                if (!busy.get() && System.nanoTime() - idleSince > idleTimeout.toNanos()) {
                    log.printf("%s no command for %s: stopping%n", now(), idleTimeout);
                    close();
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
        try {
            while (server.isOpen()) {
                SocketChannel caller;
                try {
                    caller = server.accept();
                } catch (ClosedChannelException closed) {
                    break;
                } catch (IOException e) {
                    log.printf("%s cannot accept a caller: %s%n", now(), e.getMessage());
                    continue;
                }
                if (!sameUser(caller)) {
                    log.printf("%s refused a caller of another user%n", now());
                    closeQuietly(caller);
                } else if (!busy.compareAndSet(false, true)) {
                    refuse(caller, "busy with another command");
                } else {
                    runs.execute(() -> {
                        AtomicBoolean released = new AtomicBoolean();
                        Runnable release = () -> {
                            if (released.compareAndSet(false, true)) {
                                idleSince = System.nanoTime();
                                busy.set(false);
                            }
                        };
                        try {
                            answer(caller, release);
                        } finally {
                            release.run();
                        }
                    });
                }
            }
        } finally {
            timer.shutdownNow();
            runs.shutdown();
            runs.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);   // a command that is running finishes first
        }
    }

    @Override
    public void close() {
        try {
            // the file first: once serve() returns, nobody can find the socket any more
            Files.deleteIfExists(socket);
            server.close();
        } catch (IOException e) {
            log.printf("%s cannot remove %s: %s%n", now(), socket, e.getMessage());
        }
    }

    /** Runs the caller's command; {@code release} lets the next caller in. */
    private void answer(SocketChannel caller, Runnable release) {
        try (caller) {
            // a caller of this build sends its request at once; a connection that does not must not hold the daemon
            ScheduledFuture<?> tooSlow = timer.schedule(() -> closeQuietly(caller), REQUEST_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            CommandRequest request = CommandRequest.readFrom(
                    new DataInputStream(new BufferedInputStream(Channels.newInputStream(caller))));
            if (!tooSlow.cancel(false)) {
                return;
            }
            Frames frames = new Frames(caller);
            if (!request.workingDirectory().equals(workingDirectory)) {
                release.run();   // before the answer: the caller runs its next command at once
                frames.notServed("serves " + workingDirectory + " only");
                return;
            }
            if (!commands.contains(request.command())) {
                release.run();
                frames.notServed("does not run `" + request.command() + "`");
                return;
            }
            AtomicBoolean finished = new AtomicBoolean();
            watch(caller, finished, request.command());
            long started = System.nanoTime();
            int code = run(request, frames);
            finished.set(true);
            // before the caller learns the exit code: a script's next command comes at once, and is not turned away
            release.run();
            frames.exit(code);
            log.printf("%s %s: exit %d in %.2f s%n", now(), request.command(), code,
                    (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            log.printf("%s a caller's connection failed: %s%n", now(), e.getMessage());
        }
    }

    /** The command with the caller's output as this JVM's standard streams too, where logging writes. */
    private int run(CommandRequest request, Frames frames) {
        PrintStream out = new PrintStream(frames.stream(Frames.OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(frames.stream(Frames.ERR), true, StandardCharsets.UTF_8);
        PrintStream processOut = System.out;
        PrintStream processErr = System.err;
        System.setOut(out);
        System.setErr(err);
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return runner.run(request, outWriter, errWriter);
        } finally {
            outWriter.flush();
            errWriter.flush();
            System.setOut(processOut);
            System.setErr(processErr);
        }
    }

    /** The caller sends nothing after its request: its end closing means it was stopped (Ctrl-C) or killed. */
    private void watch(SocketChannel caller, AtomicBoolean finished, String command) {
        Thread watcher = new Thread(() -> {
            ByteBuffer ignored = ByteBuffer.allocate(64);
            try {
                while (caller.read(ignored.clear()) >= 0) {
                    // a caller of this build sends nothing more
                }
            } catch (AsynchronousCloseException answered) {
                return;
            } catch (IOException gone) {
                // read as the caller going away
            }
            if (!finished.get()) {
                log.printf("%s the caller of `%s` went away while it ran (Ctrl-C?)%n", now(), command);
                callerGone.run();
            }
        }, "ringpool-daemon-caller");
        watcher.setDaemon(true);
        watcher.start();
    }

    private boolean sameUser(SocketChannel caller) {
        try {
            UnixDomainPrincipal peer = caller.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().equals(owner);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void refuse(SocketChannel caller, String reason) {
        try (caller) {
            new Frames(caller).notServed(reason);
        } catch (IOException e) {
            // the caller runs the command itself either way
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was sent on it
        }
    }

    private static String now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
