package net.ringpool.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NumberGeneratorTests {

    @Test
    void anExchangeAlwaysYieldsTheSameTenDistinctNumbers() {
        // given
        TnPrefix exchange = new TnPrefix("805", "612");

        // when
        List<String> first = NumberGenerator.numbers(exchange);
        List<String> second = NumberGenerator.numbers(exchange);

        // then
        assertThat(first).isEqualTo(second).hasSize(10).doesNotHaveDuplicates().isSorted()
                .allMatch(number -> number.matches("805612\\d{4}"));
    }

    @Test
    void anAreaCodeGetsFourPlausibleExchanges() {
        // when
        List<String> exchanges = NumberGenerator.exchanges("212");

        // then
        assertThat(exchanges).hasSize(4).doesNotHaveDuplicates().isEqualTo(NumberGenerator.exchanges("212"))
                .allMatch(NumberGenerator::isPlausibleExchange);
        assertThat(List.of("211", "911", "555", "976", "375", "965", "199")).noneMatch(NumberGenerator::isPlausibleExchange);
    }

    @Test
    void tollFreeExchangesCycleThroughThePrefixesAndNeverReachTheSharedOverflowNumber() {
        // when every toll-free exchange there is is generated
        Set<TnPrefix> exchanges = new HashSet<>();
        int index = 0;
        while (true) {
            try {
                exchanges.add(NumberGenerator.tollFreeExchange(index++));
            } catch (IllegalStateException exhausted) {
                break;
            }
        }

        // then
        assertThat(IntStream.range(0, 7).mapToObj(NumberGenerator::tollFreeExchange).map(TnPrefix::npa))
                .containsExactlyElementsOf(NumberGenerator.TOLL_FREE_PREFIXES);
        assertThat(exchanges).hasSize(index - 1).allMatch(exchange -> NumberGenerator.isTollFree(exchange.npa()))
                .doesNotContain(new TnPrefix("888", "390"));
        assertThat(NumberGenerator.numbers(new TnPrefix("888", "391"))).hasSize(100);
    }
}
