package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadSourceTest {

    @Test
    void theFirstTouchChannelWinsOverSourcesNamedByHand() {
        assertThat(LeadSource.of(Map.of("firstTouchChannel", "organic-search", "lastTouchChannel", "paid-search",
                "leadSource", "Partner Referral", "utm_source", "google"))).isEqualTo("organic-search");
    }

    @Test
    void theCrmsLeadSourceWinsOverACampaignsUtmSource() {
        assertThat(LeadSource.of(Map.of("utm_source", "google", "leadSource", " Partner Referral "))).isEqualTo("partner referral");
        assertThat(LeadSource.of(Map.of("utm_source", "Google"))).isEqualTo("google");
    }

    @Test
    void aLeadWithoutASourceHasNone() {
        assertThat(LeadSource.of(Map.of("source", " ", "company", "Analytical Engines"))).isNull();
        assertThat(LeadSource.of(Map.of("source", 42))).isNull();
        assertThat(LeadSource.of(null)).isNull();
    }
}
