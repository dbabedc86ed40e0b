# syntax=docker/dockerfile:1.7
# The Flink image for the stream jobs: the official Flink distribution plus the job jar in usrlib/.
# Build the jar for a cluster first (Flink itself is `provided` there):
#   ./mvnw -pl stream-jobs -am -Pcluster -DskipTests package
#   docker build -f docker/stream-jobs.Dockerfile -t freshloop/stream-jobs .
# Used by the docker compose session cluster (jobmanager, taskmanager, submitter) and by the Flink
# Kubernetes Operator (FlinkDeployment, jarURI local:///opt/flink/usrlib/stream-jobs.jar).

FROM flink:2.2.1-java17
ARG VERSION=0.1.0-SNAPSHOT
COPY --chown=flink:flink stream-jobs/target/stream-jobs-${VERSION}.jar /opt/flink/usrlib/stream-jobs.jar
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck
COPY --chmod=0755 docker/flink/submit-jobs.sh /usr/local/bin/submit-jobs
# Checkpoints and savepoints in compose live on a named volume mounted here; a new volume takes this
# directory's owner, so the flink user can write to it.
RUN mkdir -p /flink-data/checkpoints /flink-data/savepoints && chown -R flink:flink /flink-data
