#!/usr/bin/env bash
# Container healthcheck without curl or wget (neither is in the JRE or Flink images):
#   healthcheck PORT [PATH] [EXPECT]
# GETs http://127.0.0.1:PORT/PATH over bash's /dev/tcp and succeeds on a 2xx answer whose body
# contains EXPECT (default: anything). Spring Boot answers 503 on a DOWN readiness group.
set -u
port=${1:?usage: healthcheck PORT [PATH] [EXPECT]}
path=${2:-/}
expect=${3:-}

exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
response=$(timeout 5 cat <&3) || exit 1
exec 3<&-

status=$(printf '%s' "$response" | head -n 1 | cut -d ' ' -f 2)
[[ $status == 2?? ]] || exit 1
[[ -z $expect || $response == *"$expect"* ]]
