package net.ringpool.exporting;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import net.ringpool.cli.SpringLauncher;
import net.ringpool.client.RingPoolClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs one export in its own Spring context: the entry point of the {@code export} command. */
public final class ExportLauncher {

    static final String PROGRESS_OUT = "exportProgressOut";

    private ExportLauncher() {
    }

    /**
     * @param database the Spring datasource properties of the job database
     * @param progress where progress lines go (the command's stderr)
     */
    public static ExportSummary run(ExportSettings settings, Map<String, Object> database, PrintWriter progress,
            boolean debug) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(database);
        properties.put("spring.batch.job.enabled", false);
        if (!debug) {
            // a failed step is logged with its stack trace; the summary names the cause in one line instead
            properties.put("logging.level.org.springframework.batch", "OFF");
            // dropped connections and timeouts are retried and, when they persist, named in the summary
            properties.put("logging.level.reactor.netty", "ERROR");
            properties.putAll(RingPoolClient.QUIET_CONNECTION_LOGS);
        }
        try (ConfigurableApplicationContext context = SpringLauncher.start(ExportApplication.class,
                WebApplicationType.NONE, properties, ctx -> {
                    ctx.getBeanFactory().registerSingleton("exportSettings", settings);
                    ctx.getBeanFactory().registerSingleton(PROGRESS_OUT, progress);
                }, debug)) {
            return context.getBean(ExportRunner.class).run();
        }
    }
}
