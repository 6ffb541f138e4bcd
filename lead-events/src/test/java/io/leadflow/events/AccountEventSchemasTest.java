package io.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account events validate against their schemas, and a lead's email has no place in them. */
class AccountEventSchemasTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void anAccountScoreValidatesAgainstItsSchema() {
        AccountScored scored = new AccountScored("analytical.example", 120, 30, 45, "B",
                List.of(BuyingRole.DECISION_MAKER, BuyingRole.USER), 3, AccountStage.ENGAGED, "e-1", NOW);

        assertThat(EventSchemas.validate(AccountScored.TYPE, JSON.valueToTree(scored))).isEmpty();
    }

    @Test
    void anAccountStageChangeValidatesAndRefusesAnEmailOnItsLeads() {
        AccountStageChanged changed = new AccountStageChanged("analytical.example", AccountStage.ENGAGED, AccountStage.MQA, 1, 160,
                45, "B", List.of(BuyingRole.DECISION_MAKER), List.of(new AccountStageChanged.Member(
                        "6f1c1b55-5f0c-4c8e-9a53-0d6c3bd1e0a1", BuyingRole.DECISION_MAKER, 50)), "e-2", NOW);
        ObjectNode withEmail = JSON.valueToTree(changed);
        ((ObjectNode) withEmail.withArray("leads").get(0)).put("email", "ada@analytical.example");

        assertThat(EventSchemas.validate(AccountStageChanged.TYPE, JSON.valueToTree(changed))).isEmpty();
        assertThat(EventSchemas.validate(AccountStageChanged.TYPE, withEmail)).anyMatch(problem -> problem.contains("email"));
    }
}
