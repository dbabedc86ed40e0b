# shellcheck shell=bash
# Evaluations and benchmarks: Java programs inside the service jars, run with Boot's
# PropertiesLauncher so they use exactly the code the service runs.

DATASETS=${FRESHLOOP_DATASETS:-$ROOT/../shared/datasets}

# run_tool MODULE MAIN_CLASS [ARGS...]: builds the module's jar if stale, then runs MAIN_CLASS from it.
run_tool() {
    local module=$1 main=$2 jar
    shift 2
    jar="$ROOT/$(module_jar "$module")"
    if module_stale "$module"; then
        info "building $module (no tests)"
        run_maven -q -DskipTests -Dspotless.check.skip=true -pl "$module" -am package >"$LOGS/build-$module.log" 2>&1 ||
            die "the build of $module failed (see .freshloop/logs/build-$module.log)"
    fi
    java -Xms256m -Xmx${TOOL_HEAP:-6g} -XX:+UseParallelGC -Dloader.main="$main" -Dfreshloop.datasets="$DATASETS" \
        -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

cmd_eval() {
    ensure_dirs
    local what=${1:-}
    [[ $# -gt 0 ]] && shift
    case "$what" in
        sentiment) run_tool profile-service com.freshloop.profile.text.SentimentEvaluation "$@" ;;
        forecast) run_tool supply-service com.freshloop.supply.forecast.ForecastBacktest "$@" ;;
        spoilage) run_tool supply-service com.freshloop.supply.spoilage.SpoilageSimulation "$@" ;;
        recommendations)
            run_tool recommendation-service com.freshloop.recommendation.offline.RecommendationEvaluation "$@"
            ;;
        *)
            echo "usage: ./freshloop eval sentiment [--train CSV --test CSV] --out FILE [--model FILE]" >&2
            echo "       ./freshloop eval forecast [--input CSV] --out FILE" >&2
            echo "       ./freshloop eval spoilage [--input CSV] [--top 20] [--days 56]" >&2
            echo "       ./freshloop eval recommendations --dataset tafeng|groceries [--input PATH] --out FILE" >&2
            exit 2
            ;;
    esac
}

cmd_bench() {
    ensure_dirs
    local what=${1:-}
    [[ $# -gt 0 ]] && shift
    case "$what" in
        profile) run_tool profile-service com.freshloop.profile.clustering.SegmentationBenchmark "$@" ;;
        forecast) run_tool supply-service com.freshloop.supply.forecast.ForecastBenchmark "$@" ;;
        claims)
            # against the running marketing-service (./freshloop up): exactly min(stock, claims) must be issued
            run_tool marketing-service com.freshloop.marketing.bench.ClaimsBenchmark "$@"
            ;;
        recommendations)
            # against the running recommendation-service (./freshloop up), at the service, not the gateway
            run_tool recommendation-service com.freshloop.recommendation.bench.ServingBenchmark "$@"
            ;;
        tags)
            # against the running platform (./freshloop up): collector -> Kafka -> Flink -> tags -> profile.
            # The gateway's per-IP limit must allow the load: start it with RATE_LIMIT_IP_PER_SECOND raised.
            local jar
            jar="$ROOT/$(module_jar stream-jobs)"
            if module_stale stream-jobs; then
                info "building stream-jobs (no tests)"
                run_maven -q -DskipTests -Dspotless.check.skip=true -pl stream-jobs -am package \
                    >"$LOGS/build-stream-jobs.log" 2>&1 ||
                    die "the build of stream-jobs failed (see .freshloop/logs/build-stream-jobs.log)"
            fi
            java -Xmx1g -cp "$jar" com.freshloop.streams.bench.TagLatencyBenchmark "$@"
            ;;
        gateway)
            # against the running platform (./freshloop up): the same request direct and through the gateway
            ensure_simulator
            java -Xmx512m -cp "$ROOT/$SIMULATOR_JAR:$(cat "$SIMULATOR_CLASSPATH_FILE")" \
                com.freshloop.simulator.bench.GatewayBenchmark "$@"
            ;;
        *)
            echo "usage: ./freshloop bench profile [USERS] [ORDER_LINES]" >&2
            echo "       ./freshloop bench forecast --series 10000 [--days 730] [--method freshloop|ets-auto|sarima-auto]" >&2
            echo "       ./freshloop bench gateway [--path P] [--direct URL] [--seconds N] [--clients N] [--rate R] [--warmup N]" >&2
            echo "       ./freshloop bench claims [--url URL] [--claims N] [--stock N] [--concurrency N]" >&2
            echo "       ./freshloop bench recommendations [--url URL] [--rate N] [--seconds N] [--seed groceries|none]" >&2
            echo "       ./freshloop bench tags [--rate 2000] [--duration 60s] [--warmup 10s] [--batch 100] [--users 2000]" >&2
            exit 2
            ;;
    esac
}

# The sentiment model profile-service loads at start-up; trained once from the data set, if present.
ensure_sentiment_model() {
    # -v3: the file format of the n-gram ensemble + BGE embedding member; an older model file is left
    # alone and a new one trained (embedding 9.6k reviews with the ONNX encoder takes a few minutes)
    local model="$STATE/models/sentiment-v3.bin"
    [[ -f $model ]] && return 0
    if [[ ! -f $DATASETS/reviews/waimai_10k.csv ]]; then
        warn "no data set at $DATASETS/reviews: profile-service uses its lexicon fallback for sentiment"
        return 0
    fi
    info "training the sentiment model (once, a few minutes; .freshloop/models/sentiment-v3.bin)"
    mkdir -p "$STATE/models"
    TOOL_HEAP=2g run_tool profile-service com.freshloop.profile.text.SentimentEvaluation \
        --out "$STATE/models/sentiment-predictions.csv" --model "$model" >"$LOGS/train-sentiment.log" 2>&1 ||
        warn "training the sentiment model failed (see .freshloop/logs/train-sentiment.log)"
}
