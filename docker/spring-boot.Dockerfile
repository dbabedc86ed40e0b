# syntax=docker/dockerfile:1.7
# One image recipe for every Spring Boot service; build from the repository root after `./freshloop build`:
#   docker build -f docker/spring-boot.Dockerfile --build-arg SERVICE=profile-service -t freshloop/profile-service .
# (docker compose does this for every service). The jar is split into Boot's layers so that a code
# change rebuilds only the last, small layer; dependencies stay cached.

FROM eclipse-temurin:17-jre AS layers
ARG SERVICE
ARG VERSION=0.1.0-SNAPSHOT
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-${VERSION}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
ARG SERVICE
LABEL org.opencontainers.image.title="freshloop ${SERVICE}" \
      org.opencontainers.image.source="https://github.com/freshloop/freshloop"
# A fixed numeric uid, so that Kubernetes can verify runAsNonRoot without a user database.
RUN groupadd --system --gid 10001 freshloop \
    && useradd --system --uid 10001 --gid freshloop --no-create-home --shell /usr/sbin/nologin freshloop
WORKDIR /opt/app
# Least to most often changed: each COPY is a layer that is reused while its content is unchanged.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck
USER 10001:10001
# The heap follows the container's memory limit; an OutOfMemoryError ends the process so that the
# orchestrator restarts it instead of leaving a half-working JVM. /tmp is the only writable path.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
