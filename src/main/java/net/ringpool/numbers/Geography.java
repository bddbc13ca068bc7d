package net.ringpool.numbers;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipped geography of {@code numbers/}: US area codes and ZIP3 prefixes with approximate
 * centres (see {@code numbers/README.md}). Loaded once; a few hundred kilobytes.
 */
@Component
class Geography {

    private final Map<String, AreaCode> areaCodes;
    private final Map<String, Coordinates> zip3;

    Geography() {
        this.areaCodes = load("numbers/area-codes.csv", (record, into) -> into.put(record.get("npa"),
                new AreaCode(record.get("npa"), record.get("state"), record.get("city"), coordinates(record))));
        this.zip3 = load("numbers/zip3.csv", (record, into) -> into.put(record.get("zip3"), coordinates(record)));
    }

    Optional<AreaCode> areaCode(String npa) {
        return Optional.ofNullable(areaCodes.get(npa));
    }

    Collection<AreaCode> areaCodes() {
        return areaCodes.values();
    }

    /** The approximate centre of a zipcode's three-digit prefix; ZIP+4 is accepted. */
    Optional<Coordinates> zipcode(String zipcode) {
        return zipcode == null || zipcode.length() < 3 ? Optional.empty()
                : Optional.ofNullable(zip3.get(zipcode.substring(0, 3)));
    }

    private static Coordinates coordinates(CSVRecord record) {
        return new Coordinates(Double.parseDouble(record.get("latitude")), Double.parseDouble(record.get("longitude")));
    }

    private static <T> Map<String, T> load(String resource, BiConsumer<CSVRecord, Map<String, T>> row) {
        Map<String, T> into = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                row.accept(record, into);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Collections.unmodifiableMap(into);
    }
}
