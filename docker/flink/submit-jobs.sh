#!/usr/bin/env bash
# One-shot submitter of the stream jobs to the compose session cluster. Idempotent: a running
# freshloop-stream-jobs is left alone, so `docker compose up` can run it again at any time.
#
# It shares the jobmanager's network namespace (network_mode: service:flink-jobmanager): the job
# sets Flink's REST address to localhost itself (for its MiniCluster mode), and a submitting client
# applies the job's configuration, so localhost must be the jobmanager. The job resumes from the
# newest retained checkpoint under --checkpoint-dir (its --restore-from latest default), which the
# submitter sees on the shared flink-data volume.
set -euo pipefail

rest_port=${FLINK_REST_PORT:-8091}
job_name=freshloop-stream-jobs

if /opt/flink/bin/flink list --running -m "localhost:$rest_port" 2>/dev/null | grep -q ": $job_name (RUNNING)"; then
    echo "$job_name is already running; nothing to submit"
    exit 0
fi

exec /opt/flink/bin/flink run --detached -m "localhost:$rest_port" \
    --class com.freshloop.streams.StreamJobs /opt/flink/usrlib/stream-jobs.jar \
    --bootstrap.servers "${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is required}" \
    --checkpoint-dir "${CHECKPOINT_DIR:-file:///flink-data/checkpoints}" \
    --rest.port "$rest_port" \
    --parallelism "${PARALLELISM:-2}"
