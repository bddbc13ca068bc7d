package net.ringpool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvLayoutTests {

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1:A2)", "+1", "-x", "@cmd", "\tTab", "\rCR", "'quoted", "''", "'=already",
            "plain", "", "'", "-45.5", "12", "naïve ✓ 🎉", " =leading space"})
    void restoreUndoesNeutraliseForEveryValue(String value) {
        // when
        String written = CsvLayout.neutralise(value);

        // then
        assertThat(CsvLayout.restore(written)).isEqualTo(value);
    }

    @Test
    void formulasAreWrittenWithALeadingApostrophe() {
        assertThat(CsvLayout.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvLayout.neutralise("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(CsvLayout.neutralise("-2+3")).isEqualTo("'-2+3");
    }

    @Test
    void plainNumbersStayNumbers() {
        assertThat(CsvLayout.neutralise("-118.25")).isEqualTo("-118.25");
        assertThat(CsvLayout.neutralise("1800")).isEqualTo("1800");
    }

    @Test
    void columnsStartWithTheParentsAndEndWithTheReadOnlyOnes() {
        List<String> columns = CsvLayout.columns();

        assertThat(columns.subList(0, 3)).containsExactly(CsvLayout.ADVERTISER_ID, CsvLayout.CAMPAIGN_ID,
                RingPoolField.ID_FROM_NETWORK);
        assertThat(columns.subList(columns.size() - 5, columns.size())).isEqualTo(CsvLayout.READ_ONLY);
        assertThat(columns).contains("param1", "param10", "tn_prefix_whitelist", "action").doesNotHaveDuplicates();
    }

    @Test
    void headersAreMatchedInAnyCaseAndOutcomeColumnsAreIgnored() {
        assertThat(CsvLayout.canonical(" Pool_Type ")).isEqualTo("pool_type");
        assertThat(CsvLayout.isKnown(CsvLayout.canonical("NAME"))).isTrue();
        assertThat(CsvLayout.isIgnoredOnImport("outcome_status")).isTrue();
        assertThat(CsvLayout.isIgnoredOnImport("api_key")).isTrue();
        assertThat(CsvLayout.isIgnoredOnImport("name")).isFalse();
    }

    @Test
    void importReadsEveryKnownColumnButTheReadOnlyOnes() {
        for (String column : CsvLayout.columns()) {
            assertThat(CsvLayout.isImported(column)).as(column).isEqualTo(!CsvLayout.READ_ONLY.contains(column));
        }
        assertThat(CsvLayout.isImported("outcome_status")).isFalse();
        assertThat(CsvLayout.isImported("colour")).isFalse();
        assertThat(CsvLayout.isImported("tn_prefix_whitelist")).isTrue();
    }
}
