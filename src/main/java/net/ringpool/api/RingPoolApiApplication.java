package net.ringpool.api;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Spring context of {@code serve}: the RingPools API over WebFlux, stored through JDBC, and the
 * local-number allocation of package {@code net.ringpool.numbers}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = RingPoolApiApplication.class, basePackages = "net.ringpool.numbers")
public class RingPoolApiApplication {
}
