#!/usr/bin/env bash
# Runs once, when the PostgreSQL data directory is first initialised (docker-entrypoint-initdb.d):
# one database per service, owned by a role of the same name whose password is DB_PASSWORD_<NAME>.
# No service can connect to another's database: CONNECT is revoked from PUBLIC.
# The same script is used by docker compose and by the Kubernetes StatefulSet (k8s/base/postgres);
# a test in platform/deployment keeps the two copies identical.
set -euo pipefail

for name in profile recommendation marketing supply membership; do
    var="DB_PASSWORD_${name^^}"
    password=${!var:?$var is required to create the $name database}
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v name="$name" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
done
