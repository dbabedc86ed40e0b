# shellcheck shell=bash
# ./freshloop demo: start the platform, replay the Groceries data set as SIMULATED shoppers through the
# gateway, run the win-back campaign weeks and print the report (also in .freshloop/demo-report.json).
# Sourced by the entry point after lib.sh, secrets.sh, stack.sh and tools.sh (cmd_up, run_maven, module_stale).

SIMULATOR_JAR="simulator/target/simulator-$VERSION.jar"
SIMULATOR_CLASSPATH_FILE="$STATE/simulator.classpath"

# Packages the simulator (and what it is built from) when its jar or its dependency list is stale.
ensure_simulator() {
    if module_stale simulator || [[ ! -s $SIMULATOR_CLASSPATH_FILE ]] ||
        [[ $ROOT/simulator/pom.xml -nt $SIMULATOR_CLASSPATH_FILE ]]; then
        info "building the simulator (no tests; log: .freshloop/logs/build-simulator.log)"
        # every module of the reactor writes the file; the simulator, built last, wins
        run_maven -q -DskipTests -Dspotless.check.skip=true -pl simulator -am package dependency:build-classpath \
            -Dmdep.includeScope=runtime -Dmdep.outputFile="$SIMULATOR_CLASSPATH_FILE" \
            >"$LOGS/build-simulator.log" 2>&1 ||
            die "the simulator build failed (see .freshloop/logs/build-simulator.log)"
        touch "$ROOT/$SIMULATOR_JAR"
    fi
}

cmd_demo() {
    local arg
    for arg in "$@"; do
        case "$arg" in
            -h | --help)
                cat <<EOF2
usage: ./freshloop demo [--members N] [--weeks N] [--synthetic] [--concurrency N]

Starts the platform (./freshloop up), replays the Groceries data set (${DATASETS:-../shared/datasets}) as
SIMULATED shoppers through the gateway, scores the profiles, lets the win-back campaign run against a
control group for N simulated weeks (default 4) and prints the report (.freshloop/demo-report.json).
  --members N      only the first N members (default: all 3,898)
  --synthetic      generated shoppers instead of the data set (automatic when it is missing)
EOF2
                return 0
                ;;
        esac
    done
    local started=$SECONDS
    ensure_dirs
    info "demo 1/3: the platform (./freshloop up)"
    cmd_up || die "the platform did not come up (./freshloop status, ./freshloop logs NAME)"
    info "demo 2/3: the simulator"
    ensure_simulator
    ensure_secrets
    info "demo 3/3: SIMULATED shoppers through http://localhost:8080"
    (cd "$ROOT" && java -Xms128m -Xmx1g -Dfreshloop.datasets="${DATASETS:-$ROOT/../shared/datasets}" \
        -cp "$ROOT/$SIMULATOR_JAR:$(cat "$SIMULATOR_CLASSPATH_FILE")" com.freshloop.simulator.Simulator "$@") ||
        die "the simulator failed"
    local took=$((SECONDS - started))
    ok "demo finished in $((took / 60)) min $((took % 60)) s (report: .freshloop/demo-report.json)"
}
