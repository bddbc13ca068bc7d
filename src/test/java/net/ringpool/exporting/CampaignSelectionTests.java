package net.ringpool.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.ringpool.pool.ColumnMapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignSelectionTests {

    @TempDir
    Path directory;

    @Test
    void idsOfDigitsComeFirstByNumberThenTheOthersByCodePoint() {
        // given
        List<String> ids = new ArrayList<>(List.of("😀", "10", "a", "9", "ｆ", "7", "B", "007", "é", "1",
                "123456789012345678901234567890"));

        // when
        ids.sort(ExportOrder.IDS);

        // then
        assertThat(ids).containsExactly("1", "007", "7", "9", "10", "123456789012345678901234567890", "B", "a", "é",
                "ｆ", "😀");
    }

    @Test
    void listedCampaignsAreDeduplicatedAndSortedByAdvertiserThenCampaign() {
        // when
        CampaignSelection.Listed listed = new CampaignSelection.Listed(List.of(CampaignRef.parse("10/1"),
                CampaignRef.parse("9/20"), CampaignRef.parse("9/3"), CampaignRef.parse("10/1")), "--campaign");

        // then
        assertThat(listed.campaigns()).extracting(CampaignRef::toString).containsExactly("9/3", "9/20", "10/1");
        assertThat(listed.describe()).isEqualTo("3 campaigns from --campaign");
    }

    @Test
    void aCampaignIsAdvertiserSlashCampaignWithIdsTheUrlCanCarry() {
        assertThat(CampaignRef.parse("adv 1/Kampagne ü")).isEqualTo(new CampaignRef("adv 1", "Kampagne ü"));
        assertThatThrownBy(() -> CampaignRef.parse("1-100")).hasMessage("'1-100' is not ADVERTISER/CAMPAIGN, e.g. 1/100");
        assertThatThrownBy(() -> CampaignRef.parse("1/100/7")).hasMessageContaining("is not ADVERTISER/CAMPAIGN");
        assertThatThrownBy(() -> CampaignRef.parse("/100")).hasMessageContaining("is not ADVERTISER/CAMPAIGN");
        assertThatThrownBy(() -> CampaignRef.parse("1/10?0")).hasMessage("'1/10?0': the campaign id '10?0' "
                + "must not contain / \\ ? # % or control characters");
    }

    @Test
    void aCampaignsFileIsReadByItsTwoIdColumnsWhateverElseItHolds() throws Exception {
        // given
        Path file = directory.resolve("campaigns.csv");
        Files.writeString(file, "\uFEFFname;Advertiser_ID_From_Network;advertiser_campaign_id_from_network\r\n"
                + "x;10;2\r\n"
                + "\"a;b\";9;1\r\n"
                + ";;\r\n"
                + "y;10;2\r\n", StandardCharsets.UTF_8);

        // when
        CampaignSelection.Listed listed = CampaignsFile.read(file, ColumnMapping.identity());

        // then
        assertThat(listed.campaigns()).extracting(CampaignRef::toString).containsExactly("9/1", "10/2");
    }

    @Test
    void aCampaignsFileMayUseTheCustomersHeaders() throws Exception {
        // given
        Path file = directory.resolve("theirs.csv");
        Files.writeString(file, "Campaign,Advertiser\n100,1\n");
        ColumnMapping mapping = ColumnMapping.parse(List.of("Advertiser=advertiser_id_from_network",
                "Campaign=advertiser_campaign_id_from_network"), "m");

        // when
        CampaignSelection.Listed listed = CampaignsFile.read(file, mapping);

        // then
        assertThat(listed.campaigns()).containsExactly(new CampaignRef("1", "100"));
    }

    @Test
    void aCampaignsFileWithoutTheIdColumnsOrWithAHalfRowIsRefusedNamingTheLine() throws Exception {
        // given
        Path noColumns = directory.resolve("no-columns.csv");
        Files.writeString(noColumns, "advertiser,campaign\n1,100\n");
        Path halfRow = directory.resolve("half.csv");
        Files.writeString(halfRow, "advertiser_id_from_network,advertiser_campaign_id_from_network\n1,100\n2,\n");

        // then
        assertThatThrownBy(() -> CampaignsFile.read(noColumns, ColumnMapping.identity()))
                .hasMessage(noColumns + " line 1: the header needs the columns advertiser_id_from_network and "
                        + "advertiser_campaign_id_from_network");
        assertThatThrownBy(() -> CampaignsFile.read(halfRow, ColumnMapping.identity()))
                .hasMessage(halfRow + " line 3: the campaign id is empty");
    }
}
