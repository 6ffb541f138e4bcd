package io.leadflow.scoring.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.BuyingRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuyingRolesTest {

    @Test
    void theJobTitleSaysTheRoleFinanceFirst() {
        assertThat(BuyingRoles.of(Map.of("jobTitle", "CFO"))).isEqualTo(BuyingRole.FINANCE);
        assertThat(BuyingRoles.of(Map.of("jobTitle", "VP Engineering"))).isEqualTo(BuyingRole.DECISION_MAKER);
        assertThat(BuyingRoles.of(Map.of("jobTitle", "Senior Software Engineer"))).isEqualTo(BuyingRole.TECHNICAL_EVALUATOR);
        assertThat(BuyingRoles.of(Map.of("jobTitle", "Marketing Manager"))).isEqualTo(BuyingRole.CHAMPION);
        assertThat(BuyingRoles.of(Map.of("jobTitle", "Mischief Maker"))).isEqualTo(BuyingRole.USER);
    }

    @Test
    void aBuyingRoleTraitWinsAndSeniorityFillsIn() {
        assertThat(BuyingRoles.of(Map.of("buyingRole", "technical evaluator", "jobTitle", "CEO"))).isEqualTo(BuyingRole.TECHNICAL_EVALUATOR);
        assertThat(BuyingRoles.of(Map.of("seniority", "Executive"))).isEqualTo(BuyingRole.DECISION_MAKER);
        assertThat(BuyingRoles.of(Map.of())).isEqualTo(BuyingRole.USER);
    }
}
