# Any Leadflow service, JVM mode: the build context is the service's module folder. Package it first
# (./mvnw -DskipTests package), then from the repository root, for example:
#   podman build -f deploy/docker/service.Dockerfile -t leadflow/scoring-service:0.1.0 scoring-service
# deploy/images/build builds all four (with a base made from Debian packages where no registry can be reached:
# --build-arg BASE_IMAGE=localhost/leadflow/jre:25); deploy/compose.yaml builds them too.
#
# BASE_IMAGE: any image with a Java 25 runtime on the PATH as `java`, and no process of its own.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:25-jre-noble
FROM ${BASE_IMAGE}

# Quarkus' fast-jar layout, dependencies first so that a code change rebuilds only the last layers.
# Owned by root and not writable by the service: the image runs with a read-only root filesystem.
WORKDIR /deployments
COPY target/quarkus-app/lib/ /deployments/lib/
COPY target/quarkus-app/*.jar /deployments/
COPY target/quarkus-app/app/ /deployments/app/
COPY target/quarkus-app/quarkus/ /deployments/quarkus/

# A numeric, non-root user (Kubernetes' runAsNonRoot can only verify a numeric one). The service
# writes only to /tmp (mount a tmpfs or emptyDir there) and reads overrides from
# /deployments/config/application.properties when one is mounted.
USER 10001:10001
# Two malloc arenas instead of one per thread, and the native heap trimmed every 5 s: less native memory for an idle
# service (docs/benchmarks.md, Memory). Compact object headers: smaller objects, fewer collections. An OutOfMemoryError
# ends the service (docs/architecture.md, Decisions).
ENV QUARKUS_HTTP_PORT=8080 \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000"
EXPOSE 8080 9000
# the version and the commit it was built from (deploy/images/build passes them)
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="leadflow" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/leadflow/leadflow"
# exec form: java is PID 1 and gets the SIGTERM of a stop, so Quarkus shuts down gracefully
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
