# PostgreSQL from Debian bookworm's package (15), for the image tests and compose where no registry can be reached.
# It takes the official postgres image's conventions: POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, the scripts in
# /docker-entrypoint-initdb.d run once on an empty data directory, data in /var/lib/postgresql/data; and, when
# POSTGRES_SSL_CERT and POSTGRES_SSL_KEY name mounted files, TLS (clients may then verify it fully). Runs as the
# package's postgres user, with a read-only root filesystem if /var/run/postgresql and the data are writable mounts.
ARG DEBIAN_IMAGE=localhost/leadflow/debian:bookworm
FROM ${DEBIAN_IMAGE}
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null \
    && rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* \
    && mkdir -p /var/lib/postgresql/data /docker-entrypoint-initdb.d \
    && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
COPY postgres-entrypoint /usr/local/bin/postgres-entrypoint
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data
USER postgres
EXPOSE 5432
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]
