package io.leadflow.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.hubspot.HubSpotAdapter;
import io.leadflow.crmsync.crm.salesforce.SalesforceAdapter;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch size beyond what the CRM documents would make every call fail: the adapter refuses it, so the service does not start. */
class BatchSizeLimitsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void hubSpotTakesOneToAHundredContactsPerCall() {
        assertThat(new HubSpotAdapter(vertx, config("leadflow.crm.hubspot.batch-size", "100"), new ObjectMapper(), Clock.systemUTC())
                .batchSize()).isEqualTo(100);
        assertThatThrownBy(() -> new HubSpotAdapter(vertx, config("leadflow.crm.hubspot.batch-size", "101"), new ObjectMapper(),
                Clock.systemUTC())).hasMessageContaining("leadflow.crm.hubspot.batch-size must be 1 to 100, was 101");
        assertThatThrownBy(() -> new HubSpotAdapter(vertx, config("leadflow.crm.hubspot.batch-size", "0"), new ObjectMapper(),
                Clock.systemUTC())).hasMessageContaining("was 0");
    }

    @Test
    void salesforceTakesOneToTwoHundredLeadsPerCall() {
        assertThatThrownBy(() -> new SalesforceAdapter(null, config("leadflow.crm.salesforce.batch-size", "201"), new ObjectMapper(),
                Clock.systemUTC())).hasMessageContaining("leadflow.crm.salesforce.batch-size must be 1 to 200, was 201");
    }

    private static CrmConfig config(String key, String value) {
        Map<String, String> values = new HashMap<>(Map.of("leadflow.crm.hubspot.access-token", "token",
                "leadflow.crm.salesforce.poll.every", "60s"));
        values.put(key, value);
        // Quarkus's converter, which reads durations such as "10s" as the service does
        return new SmallRyeConfigBuilder().withMapping(CrmConfig.class).withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValues(values).build().getConfigMapping(CrmConfig.class);
    }
}
