package io.leadflow.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceJvmTest {

    private static final String TEMURIN_25 = """
            IMPLEMENTOR="Eclipse Adoptium"
            IMPLEMENTOR_VERSION="Temurin-25.0.3+9"
            JAVA_RUNTIME_VERSION="25.0.3+9-LTS"
            JAVA_VERSION="25.0.3"
            """;

    @Test
    void aServiceJvmIsNamedByItsRuntimeAndTheOptionsThatChangeWhatIsMeasured() {
        // Given the release file of the service's Java home and its command line
        List<String> commandLine = List.of("/usr/lib/jvm/temurin-25/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:AOTCache=/srv/capture-service/target/quarkus-app/app.aot", "-Dquarkus.profile=local", "-jar",
                "/srv/capture-service/target/quarkus-app/quarkus-run.jar", "-Xnot-a-jvm-option");

        // When it is described
        String described = ServiceJvm.describe(TEMURIN_25, commandLine);

        // Then the runtime and the JVM's -X options are named, system properties and program arguments are not
        assertThat(described).isEqualTo("Temurin-25.0.3+9 (25.0.3+9-LTS) -Xmx256m -XX:+UseSerialGC"
                + " -XX:AOTCache=/srv/capture-service/target/quarkus-app/app.aot");
    }

    @Test
    void aJvmWithoutAnImplementorVersionIsNamedByItsJavaVersion() {
        // Given a Debian OpenJDK's release file, which names no implementor version, and no options
        String release = "JAVA_VERSION=\"17.0.15\"\n";

        // When it is described, Then the Java version names it
        assertThat(ServiceJvm.describe(release, List.of("java", "-jar", "quarkus-run.jar"))).isEqualTo("Java 17.0.15");
    }
}
