package net.ringpool.api;

import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Nested;

/** Every serve suite against the embedded H2 database, the default of a first run; each server gets a fresh file. */
class ServeOnH2Tests {

    private static final ServeSuite.Store H2 = TestDatabase::h2;

    @Nested
    class SeedExamples extends SeedExamplesSuite {
        SeedExamples() {
            super(H2);
        }
    }

    @Nested
    class RingPoolLifecycle extends RingPoolLifecycleSuite {
        RingPoolLifecycle() {
            super(H2);
        }
    }

    @Nested
    class RingPoolValidation extends RingPoolValidationSuite {
        RingPoolValidation() {
            super(H2);
        }
    }

    @Nested
    class Tokens extends TokenSuite {
        Tokens() {
            super(H2);
        }
    }

    @Nested
    class Parents extends ParentsSuite {
        Parents() {
            super(H2);
        }
    }

    @Nested
    class FaultInjection extends FaultInjectionSuite {
        FaultInjection() {
            super(H2);
        }
    }

    @Nested
    class HttpErrors extends HttpErrorsSuite {
        HttpErrors() {
            super(H2);
        }
    }
}
