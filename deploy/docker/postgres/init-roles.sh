#!/bin/sh
# Runs once, when the compose stack's PostgreSQL starts on an empty volume: a login role and a
# schema per service, as in Kubernetes (deploy/k8s/base/postgres), with the one development password.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE ROLE scoring LOGIN PASSWORD '$LEADFLOW_DB_PASSWORD';
CREATE SCHEMA scoring AUTHORIZATION scoring;
CREATE ROLE handoff LOGIN PASSWORD '$LEADFLOW_DB_PASSWORD';
CREATE SCHEMA handoff AUTHORIZATION handoff;
CREATE ROLE crm_sync LOGIN PASSWORD '$LEADFLOW_DB_PASSWORD';
CREATE SCHEMA crm_sync AUTHORIZATION crm_sync;
SQL
