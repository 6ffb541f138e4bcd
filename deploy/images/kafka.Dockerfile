# A single Kafka broker (KRaft, broker and controller in one JVM) from the Kafka jars of Maven Central the build
# already uses (local-infra's classpath), for the image tests and compose where no registry can be reached. It takes
# apache/kafka's conventions: every KAFKA_* variable is a broker setting (KAFKA_ADVERTISED_LISTENERS ->
# advertised.listeners), data in /var/lib/kafka (a volume or a tmpfs), and /opt/kafka/bin/kafka-topics.sh and
# kafka-broker-api-versions.sh for scripts and health checks. deploy/images/build makes the context.
ARG BASE_IMAGE=localhost/leadflow/jre:25
FROM ${BASE_IMAGE}
COPY libs/ /opt/kafka/libs/
COPY bin/ /opt/kafka/bin/
COPY log4j2.properties /opt/kafka/config/log4j2.properties
# the data directory, the broker's own: a volume or a tmpfs goes over it; without one, the container's layer
RUN mkdir -p /var/lib/kafka && chown 10001:10001 /var/lib/kafka
ENV KAFKA_DATA=/var/lib/kafka \
    JAVA_TOOL_OPTIONS="-Xmx512m -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
EXPOSE 9092 9093
# exec'd by the entrypoint: the broker's JVM is PID 1, so a stop's SIGTERM is a controlled shutdown
ENTRYPOINT ["/opt/kafka/bin/kafka-server"]
