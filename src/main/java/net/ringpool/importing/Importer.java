package net.ringpool.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import net.ringpool.cli.SpringLauncher;
import net.ringpool.client.RingPoolClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs one import: checks every file, then starts the Spring context and the job in it. */
public final class Importer {

    private Importer() {
    }

    /**
     * @param database the Spring datasource properties of the job database
     * @throws net.ringpool.cli.UsageException when a file is unusable; nothing was sent
     * @throws ImportBlockedException when the same run is going on in another process
     */
    public static ImportReport run(ImportSettings settings, Map<String, Object> database, boolean debug,
            ImportOutput output) throws Exception {
        InputCheck.check(settings.files(), settings.csv());
        ImportIdentity identity;
        try {
            identity = ImportIdentity.of(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
        Map<String, Object> properties = new LinkedHashMap<>(database);
        if (!debug) {
            // Spring Batch logs a failed chunk with its stack trace; the command prints one line instead
            properties.put("logging.level.org.springframework.batch", "OFF");
            // requests cancelled when the run stops may still fail; that is expected, not worth a stack trace
            properties.put("logging.level.reactor.core.publisher.Operators", "OFF");
            properties.putAll(RingPoolClient.QUIET_CONNECTION_LOGS);
            // a context that cannot start (database down) is reported by the command in one line
            properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
            properties.put("logging.level.org.springframework.context", "ERROR");
        }
        // made before the context, so that --only-changed can read campaign lists while the context starts
        try (RingPoolClient client = settings.client() == null ? null : new RingPoolClient(settings.client());
                CampaignWarmUp warmUp = CampaignWarmUp.startFor(settings, client);
                ConfigurableApplicationContext context = SpringLauncher.start(ImportApplication.class,
                        WebApplicationType.NONE, properties, ctx -> {
                            ctx.getBeanFactory().registerSingleton("importSettings", settings);
                            ctx.getBeanFactory().registerSingleton("importOutput", output);
                            if (client != null) {
                                ctx.getBeanFactory().registerSingleton("ringPoolClient", client);
                            }
                            if (warmUp != null) {
                                ctx.getBeanFactory().registerSingleton("campaignWarmUp", warmUp);
                            }
                        }, debug)) {
            return context.getBean(ImportRun.class).run(identity);
        }
    }
}
