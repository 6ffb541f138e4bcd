package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.SalesAction;
import org.junit.jupiter.api.Test;

class HubSpotFeedbackRulesTest {

    @Test
    void salesQualifiedLifecycleStageIsQualified() {
        assertThat(HubSpotFeedbackRules.of("lifecyclestage", "salesqualifiedlead")).contains(new SalesVerdict(SalesAction.QUALIFIED, null));
        assertThat(HubSpotFeedbackRules.of("lifecyclestage", "marketingqualifiedlead")).isEmpty();
    }

    @Test
    void leadStatusSaysAcceptedRejectedOrRecycled() {
        assertThat(HubSpotFeedbackRules.of("hs_lead_status", "IN_PROGRESS")).contains(new SalesVerdict(SalesAction.ACCEPTED, null));
        assertThat(HubSpotFeedbackRules.of("hs_lead_status", "UNQUALIFIED")).contains(new SalesVerdict(SalesAction.REJECTED, "unqualified"));
        assertThat(HubSpotFeedbackRules.of("hs_lead_status", "BAD_TIMING")).contains(new SalesVerdict(SalesAction.RECYCLED, "bad-timing"));
        assertThat(HubSpotFeedbackRules.of("hs_lead_status", "NEW")).isEmpty();
    }

    @Test
    void otherPropertiesSayNothing() {
        assertThat(HubSpotFeedbackRules.of("firstname", "Ada")).isEmpty();
        assertThat(HubSpotFeedbackRules.of(null, "x")).isEmpty();
        assertThat(HubSpotFeedbackRules.of("hs_lead_status", null)).isEmpty();
    }
}
