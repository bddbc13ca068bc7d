package net.ringpool.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command line handed to the daemon: the caller's arguments, its working directory (the daemon serves only
 * its own), its environment (the API token, $RINGPOOL_* defaults) and whether it runs in a terminal.
 */
public record CommandRequest(Path workingDirectory, boolean console, List<String> args,
        Map<String, String> environment) {

    private static final int VERSION = 1;
    private static final int MAX_ENTRIES = 100_000;
    private static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;

    public CommandRequest {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }

    /** The command it names, e.g. {@code import}; empty for none. */
    public String command() {
        return args.isEmpty() ? "" : args.get(0);
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        writeText(out, workingDirectory.toString());
        out.writeBoolean(console);
        out.writeInt(args.size());
        for (String arg : args) {
            writeText(out, arg);
        }
        out.writeInt(environment.size());
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            writeText(out, variable.getKey());
            writeText(out, variable.getValue());
        }
        out.flush();
    }

    static CommandRequest readFrom(DataInputStream in) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException("not a request of this build");
        }
        Path workingDirectory = Path.of(readText(in));
        boolean console = in.readBoolean();
        int argCount = count(in);
        List<String> args = new ArrayList<>(argCount);
        for (int i = 0; i < argCount; i++) {
            args.add(readText(in));
        }
        int variableCount = count(in);
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < variableCount; i++) {
            environment.put(readText(in), readText(in));
        }
        return new CommandRequest(workingDirectory, console, args, environment);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("malformed request");
        }
        return count;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT_BYTES) {
            throw new IOException("malformed request");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
