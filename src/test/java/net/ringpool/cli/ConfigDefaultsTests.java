package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ConfigDefaultsTests {

    @TempDir
    Path dir;

    private ServeCommand parseServe(Map<String, String> environment, String... args) {
        CommandLine commandLine = RootCommand.commandLine(args);
        commandLine.setDefaultValueProvider(ConfigDefaults.of(args, environment));
        CommandLine.ParseResult result = commandLine.parseArgs(args);
        return (ServeCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void aYamlFileSetsOptionsPerCommandOrForAll() throws IOException {
        // given
        Path config = Files.writeString(dir.resolve("ringpool.yml"), """
                ringpool:
                  serve:
                    port: 9191
                  bind: 0.0.0.0
                """);

        // when
        ServeCommand serve = parseServe(Map.of(), "serve", "--config", config.toString());

        // then
        assertThat(serve.port).isEqualTo(9191);
        assertThat(serve.bind).isEqualTo("0.0.0.0");
    }

    @Test
    void theEnvironmentWinsOverTheFileAndTheCommandLineOverBoth() throws IOException {
        Path config = Files.writeString(dir.resolve("ringpool.properties"), "ringpool.serve.port=9191\n");
        Map<String, String> environment = Map.of("RINGPOOL_PORT", "9292", "RINGPOOL_CONFIG", config.toString());

        assertThat(parseServe(environment, "serve").port).isEqualTo(9292);
        assertThat(parseServe(environment, "serve", "--port", "9393").port).isEqualTo(9393);
        assertThat(parseServe(Map.of("RINGPOOL_CONFIG", config.toString()), "serve").port).isEqualTo(9191);
        assertThat(parseServe(Map.of(), "serve").port).isEqualTo(8080);
    }

    @Test
    void anUnreadableConfigFileIsAUsageError() {
        assertThatThrownBy(() -> ConfigDefaults.of(new String[] {"serve", "--config", dir.resolve("missing.yml").toString()},
                Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot read --config");
    }
}
