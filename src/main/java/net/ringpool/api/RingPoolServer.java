package net.ringpool.api;

import java.util.LinkedHashMap;
import java.util.Map;

import net.ringpool.cli.SpringLauncher;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A running RingPools API: started by {@code serve}, by {@code demo} in-process, and by the tests. */
public final class RingPoolServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RingPoolServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param port the port to listen on, 0 for a free one
     * @param address the address to bind, e.g. 127.0.0.1
     * @param database the Spring datasource properties of the store
     */
    public static RingPoolServer start(int port, String address, ServeSettings settings,
            Map<String, Object> database, boolean debug) {
        Map<String, Object> properties = new LinkedHashMap<>(database);
        properties.put("server.port", port);
        properties.put("server.address", address);
        properties.put("spring.batch.job.enabled", false);
        ConfigurableApplicationContext context = SpringLauncher.start(RingPoolApiApplication.class,
                WebApplicationType.REACTIVE, properties,
                ctx -> ctx.getBeanFactory().registerSingleton("serveSettings", settings), debug);
        return new RingPoolServer(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The base URL a client passes as {@code --api-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Requests received so far per {@code "METHOD /path"}, when the server was started with the property
     * {@code ringpool.serve.count-requests=true} (tests do); empty otherwise.
     */
    public Map<String, Long> requestCounts() {
        RequestCounter counter = context.getBeanProvider(RequestCounter.class).getIfAvailable();
        return counter == null ? Map.of() : counter.snapshot();
    }

    /** Blocks until the server is closed, e.g. by Ctrl-C. */
    public void awaitShutdown() throws InterruptedException {
        while (context.isActive()) {
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
