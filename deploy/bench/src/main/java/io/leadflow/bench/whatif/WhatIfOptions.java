package io.leadflow.bench.whatif;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The command-line options of the {@code what-if} scenario (the rest of the command line is {@link io.leadflow.bench.BenchOptions}'s).
 *
 * @param scoringUrl scoring-service's base URL (the preview and replay API)
 * @param healthUrl where scoring-service answers {@code /q/health/ready} and {@code /q/metrics}: its management port, by default
 *     the API port + 1000 as on the local stack (docs/security.md, "Management port")
 * @param scoringPid the scoring-service process to read RSS from; empty: the one running {@code scoring-service/target/quarkus-app/quarkus-run.jar}
 * @param databaseUrl the JDBC URL of scoring-service's database, its schema the search path: the history is filled there directly
 * @param databaseUser its user
 * @param followAtMost how long the preview, then the replay, is followed at most: one still running then is reported as
 *     far as it got (its leads/s), and left to run on
 */
public record WhatIfOptions(String scoringUrl, String healthUrl, Optional<Long> scoringPid, String databaseUrl, String databaseUser,
        Duration followAtMost) {

    public static WhatIfOptions parse(String... args) {
        String scoringUrl = value(args, "--scoring-url").orElse("http://127.0.0.1:8082");
        return new WhatIfOptions(scoringUrl, value(args, "--scoring-health-url").orElse(managementUrl(scoringUrl)),
                value(args, "--scoring-pid").map(Long::parseLong),
                value(args, "--database-url").orElse("jdbc:postgresql://127.0.0.1:5432/leadflow?currentSchema=scoring"),
                value(args, "--database-user").orElse("postgres"),
                Duration.ofMinutes(Long.parseLong(value(args, "--follow-minutes").orElse("60"))));
    }

    private static String managementUrl(String apiUrl) {
        URI api = URI.create(apiUrl);
        return api.getScheme() + "://" + api.getHost() + ":" + (api.getPort() + 1000);
    }

    private static Optional<String> value(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
