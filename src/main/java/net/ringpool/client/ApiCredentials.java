package net.ringpool.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import net.ringpool.cli.UsageException;

/**
 * The API token of a client command: from {@code --token-file} or {@code $INVOCA_API_TOKEN}, never from
 * a command-line value. It is never logged, stored or put in an exception message; {@link #toString}
 * masks it.
 */
public final class ApiCredentials {

    public static final String ENVIRONMENT_VARIABLE = "INVOCA_API_TOKEN";

    private final String token;

    private ApiCredentials(String token) {
        this.token = token;
    }

    public static ApiCredentials of(String token) {
        if (token == null || token.isBlank()) {
            throw new UsageException("the API token is empty");
        }
        return new ApiCredentials(token.strip());
    }

    /** Reads the token from the file when one is given, else from the environment. */
    public static ApiCredentials load(Path tokenFile, Map<String, String> environment) {
        if (tokenFile != null) {
            try {
                String text = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                if (text.isEmpty()) {
                    throw new UsageException("--token-file " + tokenFile + " is empty");
                }
                return new ApiCredentials(text);
            } catch (IOException e) {
                throw new UsageException("cannot read --token-file " + tokenFile);
            }
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new UsageException("no API token: set $" + ENVIRONMENT_VARIABLE + " or pass --token-file PATH");
        }
        return new ApiCredentials(fromEnvironment.strip());
    }

    /** The token itself, for the one place that puts it on the wire. */
    String value() {
        return token;
    }

    @Override
    public String toString() {
        return "ApiCredentials[****]";
    }
}
