package net.ringpool.api;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The Spring context of {@code serve}: the RingPools API over WebFlux, stored through JDBC. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = RingPoolApiApplication.class)
public class RingPoolApiApplication {
}
