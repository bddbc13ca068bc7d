package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import net.ringpool.db.DatabaseOptions;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo on a fresh embedded H2 database, as a first run on a fresh clone would do it; and on an in-memory
 * H2 URL given as it is, as bin/ringpool's class-data training run gives it.
 */
class DemoFunctionalTests {

    @TempDir
    static Path directory;

    static Stream<String> databases() {
        return Stream.of(DatabaseOptions.embeddedUrl(directory), "jdbc:h2:mem:demo-functional-tests");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theDemoImportsTheSampleFilesOnAFreshEmbeddedDatabase(String database) {
        // given a fresh embedded database (the demo's default is ./.ringpool/)

        // when
        Result result = CommandLine.run("demo", "--db", database);

        // then both sample files are imported, every row with its outcome, exported, re-imported and reported
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .contains("RingPools API (serve) listening on http://127.0.0.1:")
                .contains("rows:     9 (7 CREATED, 1 UPDATED, 1 DELETED)")
                .contains("rows:     12 (1 CREATED, 9 INVALID, 2 REJECTED)")
                .contains("line 3   INVALID  name: can't be blank; pool_type: is not included in the list")
                .contains("line 10  REJECTED id_from_network: has already been taken")
                .contains("line 13  INVALID  line 13: a quoted cell is never closed")
                .contains("exit code 0")
                .contains("exit code 3")
                // the round trip: the export fed back with --only-changed sends nothing
                .contains("exported 8 pools from 4 campaigns")
                .contains("rows:     8 (8 UNCHANGED)")
                // and the audit report of the first import
                .containsPattern("CREATED\\s+7")
                .containsPattern("total\\s+9");
        assertThat(result.err()).isEmpty();
    }
}
