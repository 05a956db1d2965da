#!/usr/bin/env bash
# The image's health check: GET /_emulator/health must answer "UP" on the port the emulator itself reports in its
# ready file (written once every API listens), so it holds whatever --flink-port the container was given.
# bash's /dev/tcp needs no curl in the image.
set -euo pipefail
first_line="$(head -n 1 "${JOBEMU_READY_FILE:-/tmp/jobemu-ready}")"   # e.g. "flink      http://localhost:9081"
port="${first_line##*:}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
# JOBEMU_CONTROL_TOKEN, when the container was given one, is what every control request must carry
printf 'GET /_emulator/health HTTP/1.0\r\nX-Emulator-Control-Token: %s\r\n\r\n' "${JOBEMU_CONTROL_TOKEN:-}" >&3
grep -q '"status":"UP"' <&3
