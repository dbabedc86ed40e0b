# shellcheck shell=bash
# Shared helpers for ./freshloop: paths, output, privileges, packages, pid files, waiting.
# Sourced by the entry point; ROOT is the repository root.

STATE="$ROOT/.freshloop"
PIDS="$STATE/pids"
LOGS="$STATE/logs"
DATA="$STATE/data"
SECRETS="$STATE/secrets.env"
VERSION="0.1.0-SNAPSHOT"
MVN_FLAGS=(-B --no-transfer-progress)

# The services, each name:port (conventions fixed in the platform docs).
SERVICES=(
    gateway-service:8080
    profile-service:8081
    recommendation-service:8082
    marketing-service:8083
    supply-service:8084
    membership-service:8085
    metrics-service:8086
)
# Services backed by PostgreSQL: database and role of the same name.
PG_DATABASES=(profile recommendation marketing supply membership)

KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
FLINK_REST_PORT=8091
REDIS_PORT=6379
CLICKHOUSE_HTTP_PORT=8123
PG_PORT=5432

if [[ -t 1 ]]; then
    C_BOLD=$'\e[1m' C_RED=$'\e[31m' C_YELLOW=$'\e[33m' C_GREEN=$'\e[32m' C_RESET=$'\e[0m'
else
    C_BOLD='' C_RED='' C_YELLOW='' C_GREEN='' C_RESET=''
fi

info() { printf '%s==>%s %s\n' "$C_BOLD" "$C_RESET" "$*"; }
ok() { printf '%s ok%s %s\n' "$C_GREEN" "$C_RESET" "$*"; }
warn() { printf '%swarning:%s %s\n' "$C_YELLOW" "$C_RESET" "$*" >&2; }
die() {
    printf '%serror:%s %s\n' "$C_RED" "$C_RESET" "$*" >&2
    exit 1
}

ensure_dirs() {
    mkdir -p "$PIDS" "$LOGS" "$DATA"
}

# The few tools the script itself uses beyond bash and coreutils.
ensure_tools() {
    require_tool curl curl
    require_tool openssl openssl
    require_tool setsid util-linux
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "need root for: $* (run as root or install sudo)"
    fi
}

# Runs a command as the postgres OS user (peer authentication to the local server).
as_postgres() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    elif command -v sudo >/dev/null; then
        sudo -u postgres "$@"
    else
        die "need root or sudo to run $1 as the postgres user"
    fi
}

APT_UPDATED=0
# apt_install PACKAGE...: installs what is missing (Debian/Ubuntu), running apt-get update once.
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get here: install them by hand"
    info "installing ${missing[*]} (apt-get)"
    local log="$LOGS/apt.log"
    if [[ $APT_UPDATED -eq 0 ]]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$log" 2>&1 9>&- ||
            { tail -n 20 "$log" >&2; die "apt-get update failed (log: $log)"; }
        APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
        >>"$log" 2>&1 9>&- || { tail -n 20 "$log" >&2; die "apt-get install ${missing[*]} failed (log: $log)"; }
}

# require_tool COMMAND PACKAGE: installs PACKAGE when COMMAND is not on the PATH.
require_tool() {
    command -v "$1" >/dev/null || apt_install "$2"
}

# --- pid files: .freshloop/pids/<component>.pid holds the pid of a process we started -----------

pid_file() { echo "$PIDS/$1.pid"; }

# The text the command line of a component's process must contain, so a recycled pid that now
# belongs to something else is never signalled.
pid_marker() {
    case "$1" in
        redis) echo redis-server ;;
        clickhouse) echo clickhouse ;;
        kafka) echo com.freshloop.local.KafkaBroker ;;
        flink) echo stream-jobs ;;
        *) echo "$1" ;;
    esac
}

# A process is alive when it exists and is not a zombie (an exited daemon whose parent has not
# reaped it yet still answers kill -0).
alive() {
    kill -0 "$1" 2>/dev/null || return 1
    local state
    state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 0
    [[ $state != Z ]]
}

# Prints the pid of a component we started if it is still alive; fails otherwise.
running_pid() {
    local file pid
    file=$(pid_file "$1")
    [[ -s $file ]] || return 1
    pid=$(head -n 1 "$file" | tr -dc '0-9')
    [[ -n $pid ]] && alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(pid_marker "$1")" || return 1
    echo "$pid"
}

# Sends TERM to a component we started, waits up to $2 seconds (default 30), then KILL.
stop_component() {
    local name=$1 wait=${2:-30} pid i
    if ! pid=$(running_pid "$name"); then
        rm -f "$(pid_file "$name")"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait * 5; i++)); do
        alive "$pid" || break
        sleep 0.2
    done
    if alive "$pid"; then
        warn "$name (pid $pid) did not stop within ${wait}s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
    fi
    rm -f "$(pid_file "$name")"
    ok "$name stopped (pid $pid)"
}

# --- probes -----------------------------------------------------------------------------------

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_get() {
    curl -fsS --max-time "${2:-3}" "$1" 2>/dev/null
}

# wait_until SECONDS COMMAND...: polls the command every half second until it succeeds.
wait_until() {
    local seconds=$1 i
    shift
    for ((i = 0; i < seconds * 2; i++)); do
        "$@" && return 0
        sleep 0.5
    done
    return 1
}

# Moves the previous log of a component aside so every start has a clean one (kept as .1).
fresh_log() {
    local log="$LOGS/$1.log"
    [[ -f $log ]] && mv -f "$log" "$log.1"
    : >"$log"
    echo "$log"
}

log_tail() {
    local log="$LOGS/$1.log"
    [[ -f $log ]] || return 0
    echo "---- last ${2:-30} lines of $log ----" >&2
    tail -n "${2:-30}" "$log" >&2
    echo "----" >&2
}
