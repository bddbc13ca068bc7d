package net.ringpool.numbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import net.ringpool.pool.LocalCenter;

import org.springframework.stereotype.Component;

/**
 * Where a Local RingPool looks for local numbers, best first: by distance of each area code's centre
 * from the pool's {@code local_center}, only inside the {@code tn_prefix_whitelist} when one is given
 * (a six-digit entry limits to that exchange), and with the exchange of an NPA-NXX {@code tn_prefix}
 * ahead of everything else it allows. Without a whitelist only area codes within
 * {@value #RADIUS_KM} km count as local; without a known centre, only the whitelist's.
 */
@Component
class LocalSearch {

    static final double RADIUS_KM = 500;

    private final Geography geography;

    LocalSearch(Geography geography) {
        this.geography = geography;
    }

    List<TnPrefix> prefixes(AllocationSettings settings) {
        LocalCenter center = settings.center();
        String centerNpa = center != null && center.tnPrefix() != null ? center.tnPrefix().substring(0, 3) : null;
        Optional<Coordinates> from = coordinates(center);
        Comparator<TnPrefix> nearestFirst = Comparator
                .comparingDouble((TnPrefix prefix) -> from.map(c -> c.kilometresTo(centerOf(prefix))).orElse(0.0))
                .thenComparing(prefix -> !prefix.npa().equals(centerNpa))
                .thenComparing(TnPrefix::npa)
                .thenComparing(prefix -> prefix.isExchange() ? prefix.nxx() : "");

        List<TnPrefix> ranked;
        if (!settings.whitelist().isEmpty()) {
            ranked = settings.whitelist().stream().map(TnPrefix::parse)
                    .filter(prefix -> geography.areaCode(prefix.npa()).isPresent())
                    .distinct().sorted(nearestFirst).toList();
        } else if (from.isPresent()) {
            ranked = geography.areaCodes().stream()
                    .filter(areaCode -> from.get().kilometresTo(areaCode.center()) <= RADIUS_KM)
                    .map(areaCode -> new TnPrefix(areaCode.npa(), null))
                    .sorted(nearestFirst).toList();
        } else {
            ranked = List.of();
        }
        if (center != null && center.tnPrefix() != null && center.tnPrefix().length() == 6) {
            TnPrefix exchange = TnPrefix.parse(center.tnPrefix());
            if (ranked.stream().anyMatch(prefix -> prefix.covers(exchange))) {
                LinkedHashSet<TnPrefix> preferred = new LinkedHashSet<>();
                preferred.add(exchange);
                preferred.addAll(ranked);
                ranked = new ArrayList<>(preferred);
            }
        }
        return ranked;
    }

    private Optional<Coordinates> coordinates(LocalCenter center) {
        if (center == null) {
            return Optional.empty();
        }
        if (center.tnPrefix() != null) {
            return geography.areaCode(center.tnPrefix().substring(0, 3)).map(AreaCode::center);
        }
        if (center.zipcode() != null) {
            return geography.zipcode(center.zipcode());
        }
        if (center.latitude() != null && center.longitude() != null) {
            return Optional.of(new Coordinates(center.latitude().doubleValue(), center.longitude().doubleValue()));
        }
        return Optional.empty();
    }

    private Coordinates centerOf(TnPrefix prefix) {
        return geography.areaCode(prefix.npa()).orElseThrow().center();
    }
}
