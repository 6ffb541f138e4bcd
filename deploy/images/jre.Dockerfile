# The Java base of the service and Kafka images where no registry can be reached: Debian bookworm (minbase, made from
# Debian's packages by deploy/images/base) and a Java 25 runtime that jlink cut from a Temurin 25 JDK (the modules
# Quarkus, Kafka and their libraries use; no compiler, no debug symbols). deploy/images/build makes the context.
ARG DEBIAN_IMAGE=localhost/leadflow/debian:bookworm
FROM ${DEBIAN_IMAGE}
COPY jre/ /opt/java/
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
RUN java -version
