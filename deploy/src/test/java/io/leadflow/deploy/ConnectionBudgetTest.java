package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scale-out never runs PostgreSQL out of connections: the budget ConnectionBudget computes from the manifests holds. */
class ConnectionBudgetTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theLargestScaleOutFitsEveryRolesLimitAndTheServersMaxConnections(String overlay) {
        // Given the overlay at its autoscalers' maxima, each rollout's extra pod included
        ConnectionBudget budget = ConnectionBudget.of(Overlays.rendered(overlay));
        System.out.println("[deploy] connection budget, " + overlay + ":\n" + budget.table());

        // Then every database service sets its pool sizes and every sum fits its limit
        assertThat(budget.breaches()).as("connection budget of %s", overlay).isEmpty();
        assertThat(budget.lines()).extracting(ConnectionBudget.Line::role).contains("scoring", "handoff", "crm_sync");
    }

    @Test
    void scoringScaledOutBeyondItsBudgetIsCaught() {
        // Given prod with scoring allowed 40 pods
        RenderedManifests prod = copyOf(Overlays.rendered("prod"));
        ((ObjectNode) prod.get("ScaledObject", "scoring-service").path("spec")).put("maxReplicaCount", 40);

        // When the budget is computed
        List<String> breaches = ConnectionBudget.of(prod).breaches();

        // Then the role's limit and the Pooler's client limit are both exceeded
        assertThat(breaches).anySatisfy(breach -> assertThat(breach).startsWith("role scoring may need 112 connections"))
                .anySatisfy(breach -> assertThat(breach).contains("Pooler leadflow-db-pooler-rw may get 328 clients"));
    }

    @Test
    void aServiceLeftOnQuarkusDefaultPoolSizesIsCaught() {
        // Given prod with handoff's reactive pool size removed (Quarkus would open up to 20 per pod)
        RenderedManifests prod = copyOf(Overlays.rendered("prod"));
        ((ObjectNode) prod.get("ConfigMap", "handoff-service").path("data")).remove("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE");

        assertThat(ConnectionBudget.of(prod).breaches())
                .contains("handoff-service sets no QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE (Quarkus' default would apply)");
    }

    @Test
    void rolesWhoseLimitsOutgrowMaxConnectionsAreCaught() {
        // Given prod with one role allowed 150 connections
        RenderedManifests prod = copyOf(Overlays.rendered("prod"));
        for (JsonNode role : prod.get("Cluster", "leadflow-db").path("spec").path("managed").path("roles")) {
            if (role.path("name").asText().equals("crm_sync")) {
                ((ObjectNode) role).put("connectionLimit", 150);
            }
        }

        assertThat(ConnectionBudget.of(prod).breaches()).singleElement().asString()
                .startsWith("the roles' connection limits and the reserve add up to 283");
    }

    private static RenderedManifests copyOf(RenderedManifests manifests) {
        return new RenderedManifests(manifests.overlay() + " (changed)", manifests.objects().stream().<JsonNode>map(JsonNode::deepCopy).toList());
    }
}
