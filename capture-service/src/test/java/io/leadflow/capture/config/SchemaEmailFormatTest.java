package io.leadflow.capture.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.capture.domain.IdentityRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The email rule capture applies is the contract's: what it accepts, the schema accepts. */
class SchemaEmailFormatTest {

    private final IdentityRules rules = new IdentityRules(new SchemaEmailFormat());

    @Test
    void ordinary_addresses_pass() {
        for (String email : List.of("ada@example.com", "o'brien+leads@sub.example.io", "Ada.Lovelace@Example.CO.UK")) {
            assertThat(rules.emailProblem(email)).as(email).isEmpty();
        }
    }

    @Test
    void addresses_the_schema_would_refuse_are_refused() {
        for (String email : List.of("ada@example.notatld", "ada@example.invalid", "a..b@example.com", "ada@-x.com",
                "ada@localhost", "ada", "ada@", "x".repeat(250) + "@example.com")) {
            assertThat(rules.emailProblem(email)).as(email).isPresent();
        }
    }
}
