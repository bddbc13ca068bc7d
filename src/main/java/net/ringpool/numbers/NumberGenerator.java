package net.ringpool.numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Makes up the phone numbers of the inventory, deterministically: the same exchange always yields the
 * same numbers, so that every run and every {@code serve} sharing a database agree. Numbers have the
 * NANP shape NPA-NXX-XXXX with a plausible exchange (no N11, 555, 950, 958, 959, 976, 37X or 96X).
 */
final class NumberGenerator {

    static final List<String> TOLL_FREE_PREFIXES = List.of("800", "888", "877", "866", "855", "844", "833");
    /** Exchanges generated for an area code when a pool first looks at it as a whole. */
    static final int EXCHANGES_PER_AREA_CODE = 4;
    static final int NUMBERS_PER_LOCAL_EXCHANGE = 10;
    static final int NUMBERS_PER_TOLL_FREE_EXCHANGE = 100;
    /**
     * The overflow number of a pool whose allocation has not happened yet: Invoca's documented
     * example, reserved (its exchange 888-390 is never generated).
     */
    static final String SHARED_OVERFLOW_NUMBER = "8883906665";

    private static final List<String> PLAUSIBLE_EXCHANGES = plausibleExchanges();

    private NumberGenerator() {
    }

    /** The exchanges (NXX) an area code gets when it is first needed. */
    static List<String> exchanges(String npa) {
        List<String> shuffled = shuffled(PLAUSIBLE_EXCHANGES, "exchanges:" + npa);
        return List.copyOf(shuffled.subList(0, EXCHANGES_PER_AREA_CODE));
    }

    /** The {@code index}-th toll-free exchange, cycling through the toll-free prefixes. */
    static TnPrefix tollFreeExchange(int index) {
        String prefix = TOLL_FREE_PREFIXES.get(index % TOLL_FREE_PREFIXES.size());
        List<String> exchanges = shuffled(PLAUSIBLE_EXCHANGES, "toll-free:" + prefix);
        exchanges.removeIf(nxx -> SHARED_OVERFLOW_NUMBER.startsWith(prefix + nxx));
        int position = index / TOLL_FREE_PREFIXES.size();
        if (position >= exchanges.size()) {
            throw new IllegalStateException("the toll-free inventory is exhausted");
        }
        return new TnPrefix(prefix, exchanges.get(position));
    }

    /** Whether an exchange could carry numbers; a whitelist may name one that cannot, such as 555. */
    static boolean isPlausibleExchange(String nxx) {
        return PLAUSIBLE_EXCHANGES.contains(nxx);
    }

    static boolean isTollFree(String npa) {
        return TOLL_FREE_PREFIXES.contains(npa);
    }

    /** The ten-digit numbers of one exchange, ascending. */
    static List<String> numbers(TnPrefix exchange) {
        int count = isTollFree(exchange.npa()) ? NUMBERS_PER_TOLL_FREE_EXCHANGE : NUMBERS_PER_LOCAL_EXCHANGE;
        SplittableRandom random = new SplittableRandom(seed("lines:" + exchange.npa() + exchange.nxx()));
        TreeSet<String> numbers = new TreeSet<>();
        while (numbers.size() < count) {
            numbers.add(exchange.npa() + exchange.nxx() + String.format("%04d", random.nextInt(10_000)));
        }
        return List.copyOf(numbers);
    }

    private static List<String> shuffled(List<String> values, String key) {
        List<String> copy = new ArrayList<>(values);
        SplittableRandom random = new SplittableRandom(seed(key));
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    /** String.hashCode is specified, so seeds are the same in every JVM. */
    private static long seed(String key) {
        return key.hashCode();
    }

    private static List<String> plausibleExchanges() {
        List<String> exchanges = new ArrayList<>();
        for (int nxx = 200; nxx <= 999; nxx++) {
            boolean n11 = nxx % 100 == 11;
            boolean reserved = nxx == 555 || nxx == 950 || nxx == 958 || nxx == 959 || nxx == 976
                    || nxx / 10 == 37 || nxx / 10 == 96;
            if (!n11 && !reserved) {
                exchanges.add(String.valueOf(nxx));
            }
        }
        return List.copyOf(exchanges);
    }
}
