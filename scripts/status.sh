# shellcheck shell=bash
# ./freshloop status: one line per component with its pid, who started it, and its health.
# Exits 1 when something freshloop started is not healthy.

STATUS_UNHEALTHY=0

# status_row COMPONENT PID OWNER HEALTHY(0|1) DETAIL
status_row() {
    local colour=$C_GREEN
    [[ $4 -eq 0 ]] && colour=$C_RED
    [[ $4 -eq 0 && $3 == - ]] && colour=''
    [[ $4 -eq 0 && $3 == freshloop ]] && STATUS_UNHEALTHY=1
    printf '%-24s %-8s %-10s %s%s%s\n' "$1" "$2" "$3" "$colour" "$5" "$C_RESET"
}

# owner_of COMPONENT HEALTHY: freshloop when our pid file names a live process, external when the
# component answers without one, - when nothing runs.
owner_of() {
    if running_pid "$1" >/dev/null; then
        echo freshloop
    elif [[ $2 -eq 1 ]]; then
        echo external
    else
        echo -
    fi
}

status_of() {
    local name=$1 healthy=$2 detail_up=$3 detail_down=$4 pid owner
    pid=$(running_pid "$name" || echo -)
    owner=$(owner_of "$name" "$healthy")
    if [[ $owner == freshloop && $healthy -eq 0 ]]; then
        detail_down="$detail_down (process alive)"
    fi
    if [[ $healthy -eq 1 ]]; then
        status_row "$name" "$pid" "$owner" 1 "$detail_up"
    else
        status_row "$name" "$pid" "$owner" 0 "$detail_down"
    fi
}

probe() {
    "$@" >/dev/null 2>&1 && echo 1 || echo 0
}

cmd_status() {
    ensure_dirs
    printf '%s%-24s %-8s %-10s %s%s\n' "$C_BOLD" COMPONENT PID OWNER HEALTH "$C_RESET"

    local healthy pid owner
    healthy=$(probe postgres_ready)
    pid=$(postgres_pid 2>/dev/null || true)
    if [[ -f $PIDS/postgres.started ]]; then
        owner=freshloop
    elif [[ $healthy -eq 1 ]]; then
        owner=external
    else
        owner=-
    fi
    if [[ $healthy -eq 1 ]]; then
        status_row postgres "${pid:--}" "$owner" 1 "accepting connections on localhost:$PG_PORT (pg_isready)"
    else
        status_row postgres "${pid:--}" "$owner" 0 "not accepting connections on localhost:$PG_PORT"
    fi

    status_of redis "$(probe redis_ready)" "PONG on localhost:$REDIS_PORT" "no PONG on localhost:$REDIS_PORT"
    status_of clickhouse "$(probe clickhouse_ready)" "Ok. on http://localhost:$CLICKHOUSE_HTTP_PORT/ping" \
        "no answer on http://localhost:$CLICKHOUSE_HTTP_PORT/ping"
    status_of kafka "$(probe kafka_ready)" "listening on localhost:$KAFKA_PORT" "nothing on localhost:$KAFKA_PORT"

    local jobs
    if jobs=$(flink_running_jobs 2>/dev/null) && [[ $jobs -gt 0 ]]; then
        status_of flink 1 "$jobs job(s) RUNNING (http://localhost:$FLINK_REST_PORT)" ""
    elif running_pid flink >/dev/null; then
        # The MiniCluster's REST endpoint is optional; a live job process counts as running.
        status_row flink "$(running_pid flink)" freshloop 1 "process alive (no RUNNING job on REST :$FLINK_REST_PORT)"
    else
        status_of flink 0 "" "not running"
    fi

    local entry name port
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*} port=${entry##*:}
        status_of "$name" "$(probe service_ready "$port")" "UP on http://localhost:$port/actuator/health/readiness" \
            "not ready on localhost:$port"
    done
    return "$STATUS_UNHEALTHY"
}
