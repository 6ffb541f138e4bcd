package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.apisecurity.Roles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees and acts on which handoffs: plain calls, no Quarkus needed. */
class HandoffAccessTest {

    private final HandoffAccess ana = HandoffAccess.of("ana", Set.of(Roles.SALES_REP));

    @Test
    void a_rep_may_access_only_the_handoffs_assigned_to_them() {
        assertThat(ana.ownOnly()).isTrue();
        assertThat(ana.mayAccess("ana")).isTrue();
        assertThat(ana.mayAccess("ben")).isFalse();
        assertThat(ana.mayAccess(null)).isFalse();
    }

    @Test
    void a_rep_acts_only_on_the_handoffs_assigned_to_them() {
        assertThat(ana.mayAct("ana")).isTrue();
        assertThat(ana.mayAct("ben")).isFalse();
        assertThat(ana.mayAct(null)).isFalse();
    }

    @Test
    void a_manager_marketing_ops_or_admin_may_see_every_handoff_also_when_they_are_reps_too() {
        for (String role : Set.of(Roles.SALES_MANAGER, Roles.MARKETING_OPS, Roles.ADMIN)) {
            for (Set<String> roles : List.of(Set.of(role), Set.of(Roles.SALES_REP, role))) {
                HandoffAccess lea = HandoffAccess.of("lea", roles);
                assertThat(lea.ownOnly()).as(roles.toString()).isFalse();
                assertThat(lea.mayAccess("ben")).as(roles.toString()).isTrue();
                assertThat(lea.mayStream(null, "enterprise")).as(roles.toString()).isTrue();
            }
        }
    }

    @Test
    void only_a_manager_or_admin_acts_on_anyone_s_handoff_also_when_they_are_reps_too() {
        for (String role : Set.of(Roles.SALES_MANAGER, Roles.ADMIN)) {
            for (Set<String> roles : List.of(Set.of(role), Set.of(Roles.SALES_REP, role), Set.of(Roles.SALES_REP, Roles.MARKETING_OPS, role))) {
                HandoffAccess lea = HandoffAccess.of("lea", roles);
                assertThat(lea.mayAct("ben")).as(roles.toString()).isTrue();
                assertThat(lea.actor("ben")).as(roles.toString()).isEqualTo("ben");
            }
        }
    }

    @Test
    void a_rep_who_is_also_marketing_ops_sees_every_handoff_but_acts_only_on_their_own_and_in_their_own_name() {
        HandoffAccess rep = HandoffAccess.of("ana", Set.of(Roles.SALES_REP, Roles.MARKETING_OPS));

        assertThat(rep.mayAccess("ben")).isTrue();
        assertThat(rep.mayAct("ben")).isFalse();
        assertThat(rep.mayAct("ana")).isTrue();
        assertThat(rep.actor("ben")).isEqualTo("ana");
    }

    @Test
    void a_rep_streams_only_their_own_events_and_no_queue() {
        assertThat(ana.mayStream(null, null)).isTrue();
        assertThat(ana.mayStream("ana", null)).isTrue();
        assertThat(ana.mayStream("ben", null)).isFalse();
        assertThat(ana.mayStream(null, "default")).isFalse();
        assertThat(ana.mayStream("ana", "default")).isFalse();
    }

    @Test
    void a_rep_acts_in_their_own_name_whatever_the_body_says() {
        assertThat(ana.actor("ben")).isEqualTo("ana");
        assertThat(ana.actor(null)).isEqualTo("ana");
    }

    @Test
    void a_manager_acts_in_their_own_name_unless_they_name_whom_they_act_for() {
        HandoffAccess manager = HandoffAccess.of("lea", Set.of(Roles.SALES_MANAGER));
        assertThat(manager.actor(null)).isEqualTo("lea");
        assertThat(manager.actor("  ")).isEqualTo("lea");
        assertThat(manager.actor(" ben ")).isEqualTo("ben");
    }
}
