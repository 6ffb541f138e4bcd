package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.HandoffCreated;
import io.leadflow.events.HandoffSlaBreached;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final HandoffAudience CREATED_FOR_ANA = HandoffAudience.of(HandoffCreated.TYPE, "enterprise", "ana");
    private static final HandoffAudience ESCALATED_TO_BEN = HandoffAudience.of(HandoffSlaBreached.TYPE, null, "ana", "ben");

    @Test
    void anEmptyFilterPassesEverything() {
        assertThat(new EventFilter(Set.of(), Set.of(), Set.of()).matches(CREATED_FOR_ANA)).isTrue();
        assertThat(new EventFilter(null, null, null).matches(ESCALATED_TO_BEN)).isTrue();
    }

    @Test
    void aRepFilterPassesEventsNamingTheRepInAnyRole() {
        EventFilter ben = new EventFilter(Set.of("ben"), Set.of(), Set.of());

        assertThat(ben.matches(ESCALATED_TO_BEN)).isTrue();
        assertThat(ben.matches(CREATED_FOR_ANA)).isFalse();
    }

    @Test
    void repsAndQueuesWidenEachOtherWhileTypesNarrow() {
        EventFilter managerOfEnterprise = new EventFilter(Set.of("ben"), Set.of("enterprise"), Set.of(HandoffCreated.TYPE));

        assertThat(managerOfEnterprise.matches(CREATED_FOR_ANA)).isTrue();
        assertThat(managerOfEnterprise.matches(ESCALATED_TO_BEN)).as("not a created event").isFalse();
        assertThat(managerOfEnterprise.matches(HandoffAudience.of(HandoffCreated.TYPE, "default", "cleo"))).isFalse();
    }

    @Test
    void anErasureNoticeFollowsRepsAndQueuesWhateverTypesWereChosen() {
        EventFilter createdOnlyForEnterprise = new EventFilter(Set.of(), Set.of("enterprise"), Set.of(HandoffCreated.TYPE));
        HandoffAudience erasedFromEnterprise = HandoffAudience.of(LeadErasureNotice.TYPE, "enterprise", "ana");

        // a subscriber that chose only handoff.created.v1 received the lead, so it is told of the erasure
        assertThat(createdOnlyForEnterprise.matches(erasedFromEnterprise)).isFalse();
        assertThat(createdOnlyForEnterprise.follows(erasedFromEnterprise)).isTrue();
        // one that follows neither the rep nor the queue never had it
        assertThat(createdOnlyForEnterprise.follows(HandoffAudience.of(LeadErasureNotice.TYPE, "default", "cleo"))).isFalse();
    }
}
