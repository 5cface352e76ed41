#!/usr/bin/env bash
# Load script: runs the real edgedev binary on 127.0.0.1 and measures
#   - hello-world throughput and latency with wrk (16 connections),
#   - start to first response (median of 5 launches),
#   - idle resident memory.
# usage: scripts/bench.sh [PROJECT_DIR]   (default: a temp copy of a hello worker)
# needs: wrk (apt-get install wrk), curl. Sends traffic to 127.0.0.1 only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/bin/edgedev"
[ -x "$bin" ] || (cd "$root" && go build -o bin/edgedev ./cmd/edgedev)
port="${PORT:-8797}"
duration="${DURATION:-10s}"

proj="${1:-}"
if [ -z "$proj" ]; then
  proj="$(mktemp -d)"
  mkdir -p "$proj/src"
  printf 'name = "hello"\nmain = "src/index.ts"\ncompatibility_date = "2025-01-01"\n' > "$proj/wrangler.toml"
  printf 'export default {\n  async fetch(_req: Request): Promise<Response> {\n    return new Response("hello");\n  },\n};\n' > "$proj/src/index.ts"
fi

wait_up() { # prints ms until the first 200
  local start=$(date +%s%N)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.002; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

echo "== start to first response (5 launches, ms)"
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  (cd "$proj" && exec "$bin" dev --port "$port" --no-watch >/dev/null 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.001; done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median:", a[int((NR+1)/2)], "ms  all:", a[1], "..", a[NR]}'

echo "== hello: wrk -t1 -c16 -d$duration"
(cd "$proj" && exec "$bin" dev --port "$port" >/dev/null 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
wait_up >/dev/null
sleep 0.5
echo "idle RSS: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$pid/status)"
wrk -t1 -c16 -d2s "http://127.0.0.1:$port/" >/dev/null
wrk -t1 -c16 -d"$duration" --latency "http://127.0.0.1:$port/" | grep -E 'Requests/sec|50%|99%|Non-2xx'
echo "RSS after load: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$pid/status)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
