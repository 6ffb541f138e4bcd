package io.leadflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL connections an overlay's manifests allow at their largest scale-out, per role, against the limits:
 * each database service's pods (its autoscaler's maximum, plus the one extra pod its rollout may add) times the pool
 * sizes its ConfigMap sets, plus the connections a pod opens outside its pools (annotation
 * {@value #OUTSIDE_POOLS}); a pool pointed at a CloudNativePG Pooler counts as the Pooler's server connections
 * instead (its instances times default_pool_size and reserve_pool_size), once per role. Then each role's sum against
 * its connectionLimit, the limits' sum against max_connections, and each Pooler's clients against max_client_conn.
 */
final class ConnectionBudget {

    static final String OUTSIDE_POOLS = "leadflow.io/database-connections-outside-pools";
    /** Sessions the operator opens itself (instance manager, metrics exporter) and the Poolers' auth queries. */
    static final int OPERATOR_RESERVE = 10;
    private static final int POSTGRES_SUPERUSER_RESERVED = 3;
    private static final String CLUSTER = "leadflow-db";
    private static final List<String> POOLS = List.of("REACTIVE", "JDBC");

    /** One line of the budget: who opens how many connections as which role. */
    record Line(String role, String who, int connections) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<String> breaches = new ArrayList<>();

    private ConnectionBudget() {
    }

    static ConnectionBudget of(RenderedManifests manifests) {
        ConnectionBudget budget = new ConnectionBudget();
        budget.compute(manifests);
        return budget;
    }

    List<Line> lines() {
        return lines;
    }

    /** What does not fit, one sentence each; empty when the budget holds. */
    List<String> breaches() {
        return breaches;
    }

    private void compute(RenderedManifests manifests) {
        JsonNode cluster = manifests.get("Cluster", CLUSTER).path("spec");
        Map<String, Integer> limits = new LinkedHashMap<>();
        Map<String, String> roleBySecret = new LinkedHashMap<>();
        for (JsonNode role : cluster.path("managed").path("roles")) {
            String name = role.path("name").asText();
            int limit = role.path("connectionLimit").asInt(-1);
            if (limit < 0) {
                breaches.add("role " + name + " has no connectionLimit");
            }
            limits.put(name, limit);
            roleBySecret.put(role.path("passwordSecret").path("name").asText(), name);
        }
        Map<String, JsonNode> poolers = new LinkedHashMap<>();
        manifests.ofKind("Pooler").forEach(pooler -> poolers.put(RenderedManifests.name(pooler), pooler.path("spec")));
        Map<String, Integer> poolerClients = new LinkedHashMap<>();

        manifests.ofKind("Deployment").filter(ConnectionBudget::usesTheDatabase).forEach(deployment -> {
            String service = RenderedManifests.name(deployment);
            JsonNode container = KubernetesManifestsTest.podSpec(deployment).path("containers").get(0);
            String role = roleBySecret.get(secretOf(container, "QUARKUS_DATASOURCE_USERNAME"));
            if (role == null) {
                breaches.add(service + " logs in with no managed role's Secret");
                return;
            }
            JsonNode env = manifests.get("ConfigMap", service).path("data");
            int pods = maxPods(manifests, deployment);
            for (String pool : POOLS) {
                String size = env.path("QUARKUS_DATASOURCE_" + pool + "_MAX_SIZE").asText("");
                if (!size.matches("\\d+")) {
                    breaches.add(service + " sets no QUARKUS_DATASOURCE_" + pool + "_MAX_SIZE (Quarkus' default would apply)");
                    continue;
                }
                String host = URI.create(env.path("QUARKUS_DATASOURCE_" + pool + "_URL").asText().replaceFirst("^jdbc:", "")).getHost();
                int connections = pods * Integer.parseInt(size);
                if (poolers.containsKey(host)) {
                    poolerClients.merge(host, connections, Integer::sum);
                    addPoolerServerSide(host, poolers.get(host), role);
                } else {
                    lines.add(new Line(role, service + " " + pool.toLowerCase() + " pool: " + pods + " pods x " + size, connections));
                }
            }
            int outside = Integer.parseInt(deployment.path("metadata").path("annotations").path(OUTSIDE_POOLS).asText("0"));
            if (outside > 0) {
                lines.add(new Line(role, service + " outside its pools: " + pods + " pods x " + outside, pods * outside));
            }
        });

        limits.forEach((role, limit) -> {
            int used = lines.stream().filter(line -> line.role().equals(role)).mapToInt(Line::connections).sum();
            if (used > limit) {
                breaches.add("role " + role + " may need " + used + " connections, its connectionLimit is " + limit);
            }
        });
        int maxConnections = cluster.path("postgresql").path("parameters").path("max_connections").asInt(-1);
        int superuserReserved = cluster.path("postgresql").path("parameters").path("superuser_reserved_connections")
                .asInt(POSTGRES_SUPERUSER_RESERVED);
        int total = limits.values().stream().mapToInt(Integer::intValue).sum() + superuserReserved + OPERATOR_RESERVE;
        if (maxConnections < 0) {
            breaches.add("the Cluster sets no max_connections");
        } else if (total > maxConnections) {
            breaches.add("the roles' connection limits and the reserve add up to " + total + ", max_connections is " + maxConnections);
        }
        poolerClients.forEach((pooler, clients) -> {
            JsonNode bouncer = poolers.get(pooler).path("pgbouncer");
            // the Service may send every client to one instance
            int maxClients = bouncer.path("parameters").path("max_client_conn").asInt(100);
            if (clients > maxClients) {
                breaches.add("Pooler " + pooler + " may get " + clients + " clients, max_client_conn is " + maxClients);
            }
            // the reactive client prepares statements by name: transaction pooling must carry them over
            if (bouncer.path("poolMode").asText("session").equals("transaction")
                    && bouncer.path("parameters").path("max_prepared_statements").asInt(0) <= 0) {
                breaches.add("Pooler " + pooler + " pools transactions without max_prepared_statements");
            }
        });
    }

    private void addPoolerServerSide(String name, JsonNode pooler, String role) {
        String who = "Pooler " + name + " for " + role;
        if (lines.stream().anyMatch(line -> line.who().startsWith(who))) {
            return;
        }
        JsonNode parameters = pooler.path("pgbouncer").path("parameters");
        int instances = pooler.path("instances").asInt(1);
        int perInstance = parameters.path("default_pool_size").asInt(20) + parameters.path("reserve_pool_size").asInt(0);
        lines.add(new Line(role, who + ": " + instances + " instances x " + perInstance, instances * perInstance));
    }

    private static boolean usesTheDatabase(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels").path("leadflow.io/database").asText().equals("true");
    }

    private static String secretOf(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                return env.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        return "";
    }

    /** The autoscaler's maximum (KEDA's or the HPA's, else the replicas), plus what a rollout may add on top. */
    private static int maxPods(RenderedManifests manifests, JsonNode deployment) {
        String name = RenderedManifests.name(deployment);
        int max = manifests.ofKind("ScaledObject").filter(o -> o.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                .map(o -> o.path("spec").path("maxReplicaCount").asInt(100)).findFirst()
                .or(() -> manifests.find("HorizontalPodAutoscaler", name).map(hpa -> hpa.path("spec").path("maxReplicas").asInt()))
                .orElse(deployment.path("spec").path("replicas").asInt(1));
        JsonNode surge = deployment.path("spec").path("strategy").path("rollingUpdate").path("maxSurge");
        String value = Optional.ofNullable(surge.isMissingNode() ? null : surge.asText()).orElse("25%");
        int extra = value.endsWith("%")
                ? (int) Math.ceil(max * Integer.parseInt(value.substring(0, value.length() - 1)) / 100.0)
                : Integer.parseInt(value);
        return max + extra;
    }

    /** The budget as a Markdown table, for deploy/README.md. */
    String table() {
        StringBuilder table = new StringBuilder("| role | who | connections |\n|---|---|---|\n");
        lines.forEach(line -> table.append("| ").append(line.role()).append(" | ").append(line.who()).append(" | ")
                .append(line.connections()).append(" |\n"));
        return table.toString();
    }
}
