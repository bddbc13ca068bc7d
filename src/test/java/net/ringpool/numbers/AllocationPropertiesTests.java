package net.ringpool.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AllocationPropertiesTests {

    @Test
    void aDelayIsSecondsOrADuration() {
        assertThat(AllocationProperties.parseDelay("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(AllocationProperties.parseDelay("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(AllocationProperties.parseDelay("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(AllocationProperties.parseDelay("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(AllocationProperties.parseDelay("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(AllocationProperties.parseDelay("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(AllocationProperties.parseDelay("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void nonsenseAndNegativeDelaysAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AllocationProperties.parseDelay("soon"));
        assertThatIllegalArgumentException().isThrownBy(() -> AllocationProperties.parseDelay("-5s"));
        assertThatIllegalArgumentException().isThrownBy(() -> AllocationProperties.parseDelay(""));
    }
}
