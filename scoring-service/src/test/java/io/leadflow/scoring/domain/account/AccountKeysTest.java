package io.leadflow.scoring.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountKeysTest {

    private final AccountKeys keys = new AccountKeys(FreeMailDomains.with(List.of("mail.example")));

    @Test
    void aLeadJoinsTheAccountOfItsEmailDomain() {
        assertThat(keys.of("Ada@Analytical.Example", Map.of())).contains("analytical.example");
    }

    @Test
    void aFreeMailLeadJoinsNoAccountByItsEmail() {
        assertThat(keys.of("ada@gmail.com", Map.of())).isEmpty();
        assertThat(keys.of("ada@mail.example", Map.of())).as("the model's own free-mail domains").isEmpty();
        assertThat(keys.of(null, Map.of())).isEmpty();
    }

    @Test
    void aCompanyDomainTraitWinsOverTheEmailAndRescuesAFreeMailLead() {
        assertThat(keys.of("ada@gmail.com", Map.of("companyDomain", "WWW.Analytical.Example"))).contains("analytical.example");
        assertThat(keys.of("ada@gmail.com", Map.of("website", "https://www.analytical.example/about"))).contains("analytical.example");
    }

    @Test
    void aCrmAccountIdWinsOverEverything() {
        assertThat(keys.of("ada@analytical.example", Map.of("crmAccountId", "0015g00000XyZ", "companyDomain", "other.example")))
                .contains("crm:0015g00000XyZ");
    }

    @Test
    void somethingThatIsNoDomainIsNoAccount() {
        assertThat(keys.of("ada@localhost", Map.of())).isEmpty();
        assertThat(keys.of("ada@gmail.com", Map.of("companyDomain", "Analytical Engines Ltd"))).isEmpty();
    }
}
