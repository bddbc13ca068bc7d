package net.ringpool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class RingPoolTests {

    private static RingPool pool(Long id, String objectUrl, String apiKey) {
        return new RingPool(id, "p-1", "Pool 1", "Search", "Advertiser", "https://example.com/l", null, 300, 15, true,
                false, List.of("a", "", "", "", "", "", "", "", "", "j"),
                new LocalCenter(null, null, new BigDecimal("34.42"), new BigDecimal("-119.70")), List.of("805"),
                objectUrl, null, null, apiKey);
    }

    @Test
    void writableDropsOnlyTheGeneratedFields() {
        RingPool listed = pool(7L, "https://api.example.com/ring_pools/7", "key-7");

        RingPool writable = listed.writable();

        assertThat(writable.id()).isNull();
        assertThat(writable.objectUrl()).isNull();
        assertThat(writable.apiKey()).isNull();
        assertThat(writable).isEqualTo(pool(null, null, null));
        assertThat(writable.localCenter()).isEqualTo(listed.localCenter());
        assertThat(writable.params()).isEqualTo(listed.params());
    }

    @Test
    void aPoolWithoutGeneratedFieldsIsItsOwnWritableForm() {
        RingPool row = pool(null, null, null);

        assertThat(row.writable()).isSameAs(row);
        assertThat(pool(null, null, "key").writable()).isNotSameAs(pool(null, null, "key"))
                .isEqualTo(row);
    }
}
