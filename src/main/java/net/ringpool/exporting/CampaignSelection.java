package net.ringpool.exporting;

import java.util.List;
import java.util.TreeSet;

/** Which campaigns an export reads: a list given by the user, or every campaign of the network. */
public sealed interface CampaignSelection {

    /** Words for the job parameters and the summary. */
    String describe();

    /** Campaigns named by {@code --campaign} or {@code --campaigns-file}: deduplicated, in the export order. */
    record Listed(List<CampaignRef> campaigns, String source) implements CampaignSelection {

        public Listed {
            TreeSet<CampaignRef> sorted = new TreeSet<>(CampaignRef.ORDER);
            sorted.addAll(campaigns);
            campaigns = List.copyOf(sorted);
        }

        @Override
        public String describe() {
            return campaigns.size() + (campaigns.size() == 1 ? " campaign" : " campaigns") + " from " + source;
        }
    }

    /** {@code --all}: every advertiser and campaign, walked through the list endpoints. */
    record WholeNetwork() implements CampaignSelection {

        @Override
        public String describe() {
            return "every campaign of the network";
        }
    }
}
