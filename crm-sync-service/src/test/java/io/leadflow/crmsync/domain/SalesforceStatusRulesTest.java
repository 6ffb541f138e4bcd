package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.SalesAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: the status mapping is plain Java. */
class SalesforceStatusRulesTest {

    private final SalesforceStatusRules defaults = SalesforceStatusRules.parse(List.of("Working - Contacted=accepted",
            "Closed - Converted=qualified", "Closed - Not Converted=rejected:not-converted"));

    @Test
    void theStandardLeadStatusesBecomeSalesVerdicts() {
        assertThat(defaults.of("Working - Contacted")).contains(new SalesVerdict(SalesAction.ACCEPTED, null));
        assertThat(defaults.of("Closed - Converted")).contains(new SalesVerdict(SalesAction.QUALIFIED, null));
        assertThat(defaults.of("Closed - Not Converted")).contains(new SalesVerdict(SalesAction.REJECTED, "not-converted"));
    }

    @Test
    void statusesMatchIgnoringCaseAndSurroundingSpace() {
        assertThat(defaults.of(" working - contacted ")).contains(new SalesVerdict(SalesAction.ACCEPTED, null));
    }

    @Test
    void openStatusesAndUnknownOnesSayNothing() {
        assertThat(defaults.of("Open - Not Contacted")).isEmpty();
        assertThat(defaults.of("Nurturing")).isEmpty();
        assertThat(defaults.of(null)).isEmpty();
    }

    @Test
    void anOrgsOwnStatusCanRecycle() {
        SalesforceStatusRules custom = SalesforceStatusRules.parse(List.of("Nurturing=recycled:bad-timing"));

        assertThat(custom.of("Nurturing")).contains(new SalesVerdict(SalesAction.RECYCLED, "bad-timing"));
    }

    @Test
    void badRulesFailAtOnceSayingWhy() {
        assertThatThrownBy(() -> SalesforceStatusRules.parse(List.of("Working - Contacted")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<Status>=<action>");
        assertThatThrownBy(() -> SalesforceStatusRules.parse(List.of("Working=won")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown sales action 'won'");
        assertThatThrownBy(() -> SalesforceStatusRules.parse(List.of("Closed - Not Converted=rejected")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason code");
    }
}
