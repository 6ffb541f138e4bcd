# WireMock (the CRM stand-in of compose) from its standalone jar on Maven Central, where no registry can be reached:
# wiremock/wiremock's layout (mappings under /home/wiremock/mappings), the same arguments.
ARG BASE_IMAGE=localhost/leadflow/jre:25
FROM ${BASE_IMAGE}
COPY wiremock-standalone.jar /opt/wiremock/wiremock-standalone.jar
WORKDIR /home/wiremock
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/wiremock/wiremock-standalone.jar", "--root-dir", "/home/wiremock"]
