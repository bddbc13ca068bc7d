package net.ringpool.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context a command needs, after picocli has parsed and checked its options. */
public final class SpringLauncher {

    private SpringLauncher() {
    }

    /**
     * @param source the feature's configuration class
     * @param properties Spring properties that override application.yml (database, port, log levels)
     * @param beans registers the command's settings as beans before the context refreshes
     */
    public static ConfigurableApplicationContext start(Class<?> source, WebApplicationType webType,
            Map<String, Object> properties, Consumer<ConfigurableApplicationContext> beans, boolean debug) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        if (debug) {
            all.put("logging.level.net.ringpool", "DEBUG");
        }
        return new SpringApplicationBuilder(source)
                .web(webType)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(debug)
                .properties(all)
                .initializers(beans::accept)
                .registerShutdownHook(true)
                .run();
    }
}
