package net.ringpool.api;

import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Nested;

/**
 * Every serve suite against PostgreSQL, the store of production and CI ({@code $RINGPOOL_TEST_DB_URL}).
 * The servers share the database; each test works in networks of its own.
 */
class ServeOnPostgresTests {

    private static final ServeSuite.Store POSTGRES = directory -> TestDatabase.postgres();

    @Nested
    class SeedExamples extends SeedExamplesSuite {
        SeedExamples() {
            super(POSTGRES);
        }
    }

    @Nested
    class RingPoolLifecycle extends RingPoolLifecycleSuite {
        RingPoolLifecycle() {
            super(POSTGRES);
        }
    }

    @Nested
    class RingPoolValidation extends RingPoolValidationSuite {
        RingPoolValidation() {
            super(POSTGRES);
        }
    }

    @Nested
    class Tokens extends TokenSuite {
        Tokens() {
            super(POSTGRES);
        }
    }

    @Nested
    class Parents extends ParentsSuite {
        Parents() {
            super(POSTGRES);
        }
    }

    @Nested
    class FaultInjection extends FaultInjectionSuite {
        FaultInjection() {
            super(POSTGRES);
        }
    }

    @Nested
    class HttpErrors extends HttpErrorsSuite {
        HttpErrors() {
            super(POSTGRES);
        }
    }
}
