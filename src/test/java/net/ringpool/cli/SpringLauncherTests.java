package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class SpringLauncherTests {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void theCommandsPropertiesWinOverApplicationYml() {
        // given application.yml, which sets net.ringpool to INFO and pins HttpClientConnect to INFO

        // when a command starts its context with levels of its own
        try (ConfigurableApplicationContext context = SpringLauncher.start(Empty.class, WebApplicationType.NONE,
                Map.of("logging.level.reactor.netty.http.client.HttpClientConnect", "ERROR"), ctx -> { }, true)) {

            // then they are the ones in force: --debug's level for our code, and the command's for the client
            assertThat(context.getEnvironment().getProperty("logging.level.net.ringpool")).isEqualTo("DEBUG");
            assertThat(LoggerFactory.getLogger("net.ringpool.cli.Main").isDebugEnabled()).isTrue();
            assertThat(LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect").isWarnEnabled()).isFalse();
        }
    }
}
