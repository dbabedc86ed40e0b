# shellcheck shell=bash
# PostgreSQL, Redis and ClickHouse from the distribution's packages, started without systemd.
# A server that already runs (a system service, another checkout) is used as it is and never
# stopped: only what a pid file (or, for PostgreSQL, .freshloop/pids/postgres.started) records as
# ours is stopped by `down`.

# --- PostgreSQL ---------------------------------------------------------------------------------

# "VERSION CLUSTER" of the cluster on PG_PORT, if there is one.
pg_cluster() {
    pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

pg_cluster_status() {
    pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $4; exit }'
}

postgres_ready() {
    pg_isready -q -h localhost -p "$PG_PORT"
}

start_postgres() {
    require_tool pg_lsclusters postgresql
    local cluster version
    cluster=$(pg_cluster)
    if [[ -z $cluster ]]; then
        version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
        [[ -n $version ]] || die "PostgreSQL is installed but no server version found under /usr/lib/postgresql"
        local name=main
        [[ -d /etc/postgresql/$version/main ]] && name=freshloop # main exists on another port
        info "postgres: creating cluster $version/$name on port $PG_PORT"
        as_root pg_createcluster "$version" "$name" --port "$PG_PORT" >>"$LOGS/postgres.log" 2>&1 9>&- ||
            { log_tail postgres; die "pg_createcluster $version $name failed"; }
        cluster="$version $name"
    fi
    if [[ $(pg_cluster_status) == online* ]]; then
        if [[ -f $PIDS/postgres.started ]]; then
            ok "postgres $cluster already running"
        else
            ok "postgres $cluster already running (not started by freshloop; left running by down)"
        fi
    else
        info "postgres: starting cluster $cluster"
        # shellcheck disable=SC2086 # "VERSION CLUSTER" are two arguments
        as_root pg_ctlcluster $cluster start >>"$LOGS/postgres.log" 2>&1 9>&- ||
            { log_tail postgres; die "pg_ctlcluster $cluster start failed"; }
        echo "$cluster" >"$PIDS/postgres.started"
    fi
    wait_until 30 postgres_ready || die "PostgreSQL on port $PG_PORT is not accepting connections"
    provision_postgres
}

# The admin role the tests use, and one role + database per service, passwords from secrets.env.
# Statements go through stdin so no password shows up in a process list.
provision_postgres() {
    local name upper password password_var sql
    sql="\\set ON_ERROR_STOP on
SELECT format('CREATE ROLE %I', '$FRESHLOOP_PG_ADMIN_USER')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$FRESHLOOP_PG_ADMIN_USER') \\gexec
ALTER ROLE \"$FRESHLOOP_PG_ADMIN_USER\" WITH LOGIN CREATEDB CREATEROLE PASSWORD '$FRESHLOOP_PG_ADMIN_PASSWORD';
"
    for name in "${PG_DATABASES[@]}"; do
        upper=$(tr '[:lower:]' '[:upper:]' <<<"$name")
        password_var="DB_PASSWORD_$upper"
        password=${!password_var:?$password_var missing from secrets.env}
        sql+="SELECT 'CREATE ROLE $name' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') \\gexec
ALTER ROLE $name WITH LOGIN PASSWORD '$password';
SELECT 'CREATE DATABASE $name OWNER $name' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$name') \\gexec
ALTER DATABASE $name OWNER TO $name;
"
    done
    (cd / && as_postgres psql -X -q -d postgres -p "$PG_PORT") <<<"$sql" >>"$LOGS/postgres.log" 2>&1 ||
        { log_tail postgres; die "creating the PostgreSQL roles and databases failed"; }
    ok "postgres ready on localhost:$PG_PORT (roles and databases: $FRESHLOOP_PG_ADMIN_USER, ${PG_DATABASES[*]})"
}

stop_postgres() {
    [[ -f $PIDS/postgres.started ]] || return 0
    local cluster
    cluster=$(cat "$PIDS/postgres.started")
    if [[ $(pg_lsclusters -h 2>/dev/null | awk -v c="$cluster" '$1 " " $2 == c { print $4 }') == online* ]]; then
        # shellcheck disable=SC2086
        as_root pg_ctlcluster $cluster stop >>"$LOGS/postgres.log" 2>&1 || warn "pg_ctlcluster $cluster stop failed"
        ok "postgres $cluster stopped"
    fi
    rm -f "$PIDS/postgres.started"
}

postgres_pid() {
    local cluster
    cluster=$(pg_cluster)
    [[ -n $cluster ]] || return 1
    # shellcheck disable=SC2086
    set -- $cluster
    local file="/var/lib/postgresql/$1/$2/postmaster.pid"
    if [[ $EUID -eq 0 ]]; then
        head -n 1 "$file" 2>/dev/null
    else
        sudo -n head -n 1 "$file" 2>/dev/null # status never prompts for a password
    fi
}

# --- Redis ----------------------------------------------------------------------------------------

redis_ready() {
    [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

start_redis() {
    require_tool redis-server redis-server
    require_tool redis-cli redis-tools
    if running_pid redis >/dev/null; then
        ok "redis already running"
        return 0
    fi
    if redis_ready; then
        ok "redis already answers on $REDIS_PORT (not started by freshloop; left running by down)"
        return 0
    fi
    mkdir -p "$DATA/redis"
    info "redis: starting on 127.0.0.1:$REDIS_PORT"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
        --pidfile "$PIDS/redis.pid" --logfile "$LOGS/redis.log" --dir "$DATA/redis" 9>&- ||
        { log_tail redis; die "redis-server failed to start"; }
    wait_until 15 redis_ready || { log_tail redis; die "redis did not answer PING"; }
    wait_until 5 running_pid redis >/dev/null || warn "redis runs but wrote no pid file"
    ok "redis ready on localhost:$REDIS_PORT"
}

# --- ClickHouse -----------------------------------------------------------------------------------

clickhouse_ready() {
    [[ $(http_get "http://localhost:$CLICKHOUSE_HTTP_PORT/ping") == Ok.* ]]
}

# A copy of the packaged configuration with every data and log path under .freshloop/ and only
# the IPv4 loopback listening.
write_clickhouse_config() {
    local dir="$STATE/clickhouse" data="$DATA/clickhouse/" logs="$LOGS/"
    mkdir -p "$dir" "$DATA/clickhouse"
    [[ -r /etc/clickhouse-server/config.xml ]] || die "/etc/clickhouse-server/config.xml missing: reinstall clickhouse-server"
    sed -e "s#/var/lib/clickhouse/#$data#g" \
        -e "s#/var/log/clickhouse-server/#$logs#g" \
        -e '/<listen_host>/d' \
        -e 's#^\( *\)<http_port>#\1<listen_host>127.0.0.1</listen_host>\n\1<http_port>#' \
        -e "s#<users_config>users.xml</users_config>#<users_config>$dir/users.xml</users_config>#" \
        /etc/clickhouse-server/config.xml >"$dir/config.xml"
    cp /etc/clickhouse-server/users.xml "$dir/users.xml"
}

start_clickhouse() {
    if ! command -v clickhouse-server >/dev/null || ! command -v clickhouse-client >/dev/null; then
        apt_install clickhouse-server clickhouse-client
    fi
    require_tool curl curl
    if running_pid clickhouse >/dev/null; then
        ok "clickhouse already running"
    elif clickhouse_ready; then
        ok "clickhouse already answers on $CLICKHOUSE_HTTP_PORT (not started by freshloop; left running by down)"
    else
        write_clickhouse_config
        info "clickhouse: starting on localhost:$CLICKHOUSE_HTTP_PORT"
        local log
        log=$(fresh_log clickhouse)
        (cd "$DATA/clickhouse" && exec nohup clickhouse-server --config-file="$STATE/clickhouse/config.xml" \
            >>"$log" 2>&1 </dev/null 9>&-) &
        echo $! >"$(pid_file clickhouse)"
        if ! wait_until 60 clickhouse_ready; then
            log_tail clickhouse
            [[ -f $LOGS/clickhouse-server.err.log ]] && tail -n 20 "$LOGS/clickhouse-server.err.log" >&2
            die "clickhouse did not answer /ping within 60 s"
        fi
    fi
    curl -fsS --max-time 10 "http://localhost:$CLICKHOUSE_HTTP_PORT/" \
        --data-binary 'CREATE DATABASE IF NOT EXISTS freshloop' >/dev/null ||
        die "could not create the ClickHouse database freshloop"
    ok "clickhouse ready on http://localhost:$CLICKHOUSE_HTTP_PORT (database freshloop)"
}

# --- headless browser for metrics-service's dashboard test ----------------------------------------

# DashboardBrowserIT drives Debian's chromium through /usr/bin/chromedriver (Selenium). Nothing
# to start: the packages only have to be there.
install_browser() {
    if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
        return 0
    fi
    apt_install chromium chromium-driver
    ok "chromium and chromedriver installed (dashboard browser test)"
}

# --- all three --------------------------------------------------------------------------------

start_infra() {
    ensure_secrets
    start_postgres
    start_redis
    start_clickhouse
    install_browser
}

stop_infra() {
    stop_component clickhouse 30
    stop_component redis 15
    stop_postgres
}
