# shellcheck shell=bash
# The platform's own processes: the Kafka broker (platform/local), the Flink jobs (stream-jobs) and
# the services, each a plain `java` process with a pid file and a log in .freshloop/.

LOCAL_JAR="platform/local/target/local-$VERSION.jar"
FLINK_JAR="stream-jobs/target/stream-jobs-$VERSION.jar"

module_jar() {
    case "$1" in
        platform/local) echo "$LOCAL_JAR" ;;
        *) echo "$1/target/$1-$VERSION.jar" ;;
    esac
}

# A module needs a build when its jar is missing or older than its sources, its pom, the root pom
# or the shared platform modules it is built from.
module_stale() {
    local jar
    jar="$ROOT/$(module_jar "$1")"
    [[ -f $jar ]] || return 0
    [[ $1 != platform/local || -d $ROOT/platform/local/target/lib ]] || return 0
    [[ -n $(find "$ROOT/$1/src/main" "$ROOT/$1/pom.xml" "$ROOT/pom.xml" "$ROOT/platform/events/src/main" \
        "$ROOT/platform/starter/src/main" -newer "$jar" -type f -print -quit 2>/dev/null) ]]
}

# Packages every runnable module whose jar is stale (with what it depends on), without tests.
build_stale() {
    local module stale=()
    for module in platform/local stream-jobs "${SERVICES[@]%%:*}"; do
        [[ -f $ROOT/$module/pom.xml ]] || continue
        module_stale "$module" && stale+=("$module")
    done
    if [[ ${#stale[@]} -eq 0 ]]; then
        ok "jars up to date"
        return 0
    fi
    info "building ${stale[*]} (./mvnw package, no tests; log: .freshloop/logs/build.log)"
    local list
    list=$(
        IFS=,
        echo "${stale[*]}"
    )
    if ! run_maven -q -fae -DskipTests -Dspotless.check.skip=true -pl "$list" -am package \
        >"$LOGS/build.log" 2>&1; then
        grep -E '^\[ERROR\]' "$LOGS/build.log" | head -n 30 >&2 || true
        warn "the build failed for some modules (see .freshloop/logs/build.log); starting what exists"
        return 1
    fi
    # The jar plugin leaves an unchanged jar untouched; mark it as checked against these sources.
    for module in "${stale[@]}"; do
        [[ -f $ROOT/$(module_jar "$module") ]] && touch "$ROOT/$(module_jar "$module")"
    done
    ok "built ${stale[*]}"
}

build_all() {
    info "packaging every module without tests (./mvnw package -DskipTests)"
    run_maven -DskipTests package
}

run_maven() {
    (cd "$ROOT" && ./mvnw "${MVN_FLAGS[@]}" "$@")
}

# Starts a java process in its own session (Ctrl-C on ./freshloop leaves it running) with stdout
# and stderr in .freshloop/logs/<name>.log, and records its pid.
spawn_java() {
    local name=$1 log
    shift
    log=$(fresh_log "$name")
    (cd "$ROOT" && exec setsid nohup java "$@" >>"$log" 2>&1 </dev/null 9>&-) &
    echo $! >"$(pid_file "$name")"
}

# --- Kafka ----------------------------------------------------------------------------------------

start_kafka() {
    if running_pid kafka >/dev/null; then
        ok "kafka already running on localhost:$KAFKA_PORT"
        return 0
    fi
    if port_open "$KAFKA_PORT"; then
        warn "something not started by freshloop listens on $KAFKA_PORT: using it as the Kafka broker"
        return 0
    fi
    [[ -f $ROOT/$LOCAL_JAR ]] || die "$LOCAL_JAR is missing: run ./freshloop build"
    info "kafka: starting the broker (KRaft, localhost:$KAFKA_PORT)"
    [[ -f $LOGS/kafka-broker.log ]] && mv -f "$LOGS/kafka-broker.log" "$LOGS/kafka-broker.log.1"
    spawn_java kafka -Xmx512m -XX:+UseSerialGC -Dfreshloop.broker.log="$LOGS/kafka-broker.log" \
        -cp "$LOCAL_JAR:platform/local/target/lib/*" com.freshloop.local.KafkaBroker \
        --port "$KAFKA_PORT" --controller-port "$KAFKA_CONTROLLER_PORT" --data-dir "$DATA/kafka"
    local i
    for ((i = 0; i < 120; i++)); do
        grep -q '^kafka ready' "$LOGS/kafka.log" && break
        running_pid kafka >/dev/null || { log_tail kafka; die "the Kafka broker exited"; }
        sleep 0.5
    done
    grep -q '^kafka ready' "$LOGS/kafka.log" || { log_tail kafka; die "the Kafka broker was not ready within 60 s"; }
    ok "kafka ready on localhost:$KAFKA_PORT (topics created)"
}

kafka_ready() {
    port_open "$KAFKA_PORT"
}

# --- Flink ----------------------------------------------------------------------------------------

# Prints how many Flink jobs are RUNNING according to the MiniCluster's REST API.
flink_running_jobs() {
    local body
    body=$(http_get "http://localhost:$FLINK_REST_PORT/jobs/overview") || return 1
    grep -o '"state":"RUNNING"' <<<"$body" | wc -l | tr -d ' '
}

flink_ready() {
    local n
    n=$(flink_running_jobs) && [[ $n -gt 0 ]]
}

start_flink() {
    if running_pid flink >/dev/null; then
        ok "flink jobs already running"
        return 0
    fi
    if [[ ! -f $ROOT/$FLINK_JAR ]]; then
        warn "flink: $FLINK_JAR is missing: skipping the stream jobs"
        return 0
    fi
    mkdir -p "$DATA/flink-checkpoints"
    info "flink: starting the stream jobs (MiniCluster, REST on localhost:$FLINK_REST_PORT)"
    spawn_java flink -Xmx768m -jar "$FLINK_JAR" --bootstrap.servers "localhost:$KAFKA_PORT" \
        --checkpoint-dir "file://$DATA/flink-checkpoints"
    PENDING+=(flink)
}

# --- services -------------------------------------------------------------------------------------

service_port() {
    local entry
    for entry in "${SERVICES[@]}"; do
        [[ ${entry%%:*} == "$1" ]] && { echo "${entry##*:}"; return 0; }
    done
    return 1
}

service_ready() {
    [[ $(http_get "http://localhost:$1/actuator/health/readiness") == *'"UP"'* ]]
}

start_service() {
    local name=$1 port=$2 short=${1%-service} jar
    jar=$(module_jar "$name")
    if running_pid "$name" >/dev/null; then
        ok "$name already running on localhost:$port"
        return 0
    fi
    if service_ready "$port"; then
        warn "$name: something not started by freshloop is ready on $port: leaving it"
        return 0
    fi
    if [[ ! -f $ROOT/$jar ]]; then
        warn "$name: $jar is missing: skipped"
        SKIPPED+=("$name")
        return 0
    fi
    if port_open "$port"; then
        warn "$name: port $port is taken by another process: skipped"
        SKIPPED+=("$name")
        return 0
    fi
    info "$name: starting on localhost:$port"
    (
        # Only this service's settings reach its environment (and never the command line).
        export SERVER_PORT="$port" FRESHLOOP_JWT_SECRET KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT"
        export REDIS_HOST=localhost REDIS_PORT="$REDIS_PORT"
        export CLICKHOUSE_URL="http://localhost:$CLICKHOUSE_HTTP_PORT" CLICKHOUSE_USER=default
        export CLICKHOUSE_PASSWORD='' CLICKHOUSE_DATABASE=freshloop
        if [[ " ${PG_DATABASES[*]} " == *" $short "* ]]; then
            local password_var
            password_var="DB_PASSWORD_$(tr '[:lower:]' '[:upper:]' <<<"$short")"
            export DB_URL="jdbc:postgresql://localhost:$PG_PORT/$short" DB_USERNAME="$short"
            export DB_PASSWORD="${!password_var}"
        fi
        if [[ $name == gateway-service ]]; then
            local entry svc
            for entry in "${SERVICES[@]}"; do
                svc=${entry%%:*}
                [[ $svc == gateway-service ]] && continue
                svc=$(tr '[:lower:]-' '[:upper:]_' <<<"$svc")
                export "${svc}_URL=http://localhost:${entry##*:}"
            done
        fi
        # Small heaps and C1 only keep eight JVMs starting quickly on two cores. The gateway carries every
        # request and holds the collector's batches while Kafka acknowledges them: it gets the optimising
        # compiler (C2), a larger heap and the parallel collector (with 320 MB and the serial one it spent
        # a minute in GC during a 5-minute 1,000 events/s run). FRESHLOOP_JVM_FLAGS overrides both.
        local flags="-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
        [[ $name == gateway-service ]] && flags="-Xms256m -Xmx512m -XX:+UseParallelGC"
        # shellcheck disable=SC2086 # word splitting of the flags is intended
        spawn_java "$name" ${FRESHLOOP_JVM_FLAGS:-$flags} -jar "$jar"
    )
    PENDING+=("$name")
}

# Waits for everything in PENDING (flink, services) to become ready; prints a dead one's log tail.
await_pending() {
    local deadline=$((SECONDS + ${1:-180})) name port still failed=0
    [[ ${#PENDING[@]} -eq 0 ]] && return 0
    info "waiting for ${PENDING[*]} (up to ${1:-180} s)"
    while [[ ${#PENDING[@]} -gt 0 ]]; do
        still=()
        for name in "${PENDING[@]}"; do
            if [[ $name == flink ]]; then
                if flink_ready; then
                    ok "flink: $(flink_running_jobs) job(s) running (http://localhost:$FLINK_REST_PORT)"
                    continue
                fi
            elif service_ready "$(service_port "$name")"; then
                ok "$name ready"
                continue
            fi
            if ! running_pid "$name" >/dev/null; then
                printf '%sfailed:%s %s exited\n' "$C_RED" "$C_RESET" "$name" >&2
                log_tail "$name" 40
                FAILED+=("$name")
                failed=1
                continue
            fi
            still+=("$name")
        done
        PENDING=("${still[@]}")
        [[ ${#PENDING[@]} -eq 0 ]] && break
        if ((SECONDS >= deadline)); then
            for name in "${PENDING[@]}"; do
                if [[ $name == flink ]]; then
                    # The jobs may run without the REST endpoint; a live process is the best we know.
                    warn "flink: no RUNNING job on http://localhost:$FLINK_REST_PORT/jobs/overview; the process is alive"
                    continue
                fi
                printf '%sfailed:%s %s not ready after %s s\n' "$C_RED" "$C_RESET" "$name" "${1:-180}" >&2
                log_tail "$name" 40
                FAILED+=("$name")
                failed=1
            done
            PENDING=()
            break
        fi
        sleep 2
    done
    return "$failed"
}

stop_stack() {
    local entry pids=()
    for entry in "${SERVICES[@]}"; do
        stop_component "${entry%%:*}" 30 &
        pids+=($!)
    done
    stop_component flink 30 &
    pids+=($!)
    wait "${pids[@]}" || true
    stop_component kafka 60
}
