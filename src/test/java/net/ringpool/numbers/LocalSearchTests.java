package net.ringpool.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import net.ringpool.pool.LocalCenter;

import org.junit.jupiter.api.Test;

/** The ranking of area codes on the shipped geography: real places, real area codes. */
class LocalSearchTests {

    private final LocalSearch search = new LocalSearch(new Geography());

    @Test
    void aTnPrefixCentreStartsAtItsOwnAreaCodeThenItsNeighbours() {
        // when
        List<TnPrefix> prefixes = search.prefixes(settings(new LocalCenter("805", null, null, null), List.of()));

        // then
        assertThat(prefixes.get(0)).isEqualTo(new TnPrefix("805", null));
        assertThat(prefixes.subList(0, 6)).extracting(TnPrefix::npa).contains("820", "661");
        assertThat(prefixes).extracting(TnPrefix::npa).doesNotContain("212", "907");
    }

    @Test
    void anNpaNxxCentrePutsItsExchangeFirst() {
        // when
        List<TnPrefix> prefixes = search.prefixes(settings(new LocalCenter("805612", null, null, null), List.of()));

        // then
        assertThat(prefixes.subList(0, 2)).containsExactly(new TnPrefix("805", "612"), new TnPrefix("805", null));
    }

    @Test
    void zipcodesFindTheirPlaces() {
        assertThat(first(new LocalCenter(null, "93101", null, null))).isEqualTo("805");
        assertThat(first(new LocalCenter(null, "10001", null, null))).isIn("212", "646", "332");
        assertThat(first(new LocalCenter(null, "60601-1234", null, null))).isIn("312", "872");
        assertThat(first(new LocalCenter(null, "98101", null, null))).isEqualTo("206");
    }

    @Test
    void coordinatesFindTheirPlaces() {
        assertThat(first(new LocalCenter(null, null, new BigDecimal("40.75"), new BigDecimal("-73.99"))))
                .isIn("212", "646", "917", "332");
        assertThat(first(new LocalCenter(null, null, new BigDecimal("41.88"), new BigDecimal("-87.63"))))
                .isIn("312", "872");
    }

    @Test
    void aWhitelistLimitsTheSearchAndSortsItByDistance() {
        // when
        List<TnPrefix> prefixes = search.prefixes(settings(new LocalCenter("805", null, null, null),
                List.of("212", "805612", "455")));

        // then the unknown 455 drops out and the nearer exchange comes first
        assertThat(prefixes).containsExactly(new TnPrefix("805", "612"), new TnPrefix("212", null));
    }

    @Test
    void aCentreFarFromEveryAreaCodeHasNoLocalNumbersUnlessWhitelisted() {
        // given the seed's example centre, in the Caucasus
        LocalCenter caucasus = new LocalCenter(null, null, new BigDecimal("45"), new BigDecimal("45"));

        // then
        assertThat(search.prefixes(settings(caucasus, List.of()))).isEmpty();
        assertThat(search.prefixes(settings(caucasus, List.of("455")))).isEmpty();
        assertThat(search.prefixes(settings(caucasus, List.of("907")))).containsExactly(new TnPrefix("907", null));
    }

    private String first(LocalCenter center) {
        return search.prefixes(settings(center, List.of())).get(0).npa();
    }

    private static AllocationSettings settings(LocalCenter center, List<String> whitelist) {
        return new AllocationSettings(center, whitelist, null);
    }
}
