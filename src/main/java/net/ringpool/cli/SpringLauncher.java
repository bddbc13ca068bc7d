package net.ringpool.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

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
                .listeners(new CommandProperties(all))
                .initializers(beans::accept)
                .registerShutdownHook(true)
                .run();
    }

    /**
     * The command's properties as the environment's first source, so that they win over application.yml, which
     * Boot's "default properties" do not (a level application.yml sets, such as net.ringpool's, stayed as it
     * was); added before logging is set up from the environment.
     */
    private record CommandProperties(Map<String, Object> properties)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ringpool-command", properties));
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER - 1;
        }
    }
}
