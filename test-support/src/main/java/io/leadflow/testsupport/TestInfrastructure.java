package io.leadflow.testsupport;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Where tests find their infrastructure, in order of preference: servers named by environment
 * variables, then Testcontainers when a Docker engine answers, then what runs on this machine.
 *
 * <ul>
 *   <li>{@code LEADFLOW_TEST_KAFKA_BOOTSTRAP}: bootstrap servers of an external broker;</li>
 *   <li>{@code LEADFLOW_TEST_POSTGRES_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}: an
 *   external PostgreSQL server on which tests may create databases.</li>
 * </ul>
 */
final class TestInfrastructure {

    private static Boolean dockerAvailable;

    private TestInfrastructure() {
    }

    static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            boolean disabled = env("LEADFLOW_TEST_NO_DOCKER").isPresent();
            dockerAvailable = !disabled && probeDocker();
        }
        return dockerAvailable;
    }

    private static boolean probeDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
