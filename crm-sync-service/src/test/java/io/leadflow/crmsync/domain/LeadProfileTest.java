package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: reading traits is plain Java. */
class LeadProfileTest {

    @Test
    void readsTheNamedTraitsTrimmed() {
        LeadProfile profile = LeadProfile.of(Map.of("firstName", " Ada ", "lastName", "Lovelace", "company", "Analytical Engines",
                "jobTitle", "VP Engineering", "country", "GB"));

        assertThat(profile).isEqualTo(new LeadProfile("Ada", "Lovelace", "Analytical Engines", "VP Engineering"));
        assertThat(profile.fullNameOr("ada@example.com")).isEqualTo("Ada Lovelace");
    }

    @Test
    void blankOrNonTextTraitsCountAsAbsent() {
        Map<String, Object> traits = new HashMap<>();
        traits.put("firstName", "  ");
        traits.put("lastName", 42);
        traits.put("company", null);

        LeadProfile profile = LeadProfile.of(traits);

        assertThat(profile).isEqualTo(new LeadProfile(null, null, null, null));
    }

    @Test
    void requiredFieldsFallBackToWebToLeadsPlaceholder() {
        LeadProfile none = LeadProfile.of(null);

        assertThat(none.lastNameOrPlaceholder()).isEqualTo("[not provided]");
        assertThat(none.companyOrPlaceholder()).isEqualTo("[not provided]");
        assertThat(none.fullNameOr("ada@example.com")).isEqualTo("ada@example.com");
        assertThat(none.fullNameOr(null)).isEqualTo("[not provided]");
    }

    @Test
    void aSingleNameStandsAlone() {
        assertThat(LeadProfile.of(Map.of("lastName", "Hopper")).fullNameOr("x")).isEqualTo("Hopper");
        assertThat(LeadProfile.of(Map.of("firstName", "Grace")).fullNameOr("x")).isEqualTo("Grace");
        assertThat(LeadProfile.of(Map.of("firstName", "Grace")).lastNameOrPlaceholder()).isEqualTo("[not provided]");
    }
}
