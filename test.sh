#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need when it can (Debian, as root), starts a
# throwaway redis-server on a free loopback port for this run only, runs `dotnet test RegionBot.sln` (extra
# arguments are passed on, e.g. --filter), stops Redis again, and ends with one plain line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# What the tests need beyond the .NET SDK, as "command Debian-package" pairs: Chromium drives the web chat browser
# tests, redis-server backs the shared conversation-state tests, and npm restores the web chat bundle and the Teams
# manifest schemas.
needs=("chromium chromium" "redis-server redis-server" "npm npm" "node nodejs")
missing_commands=()
missing_packages=()
for pair in "${needs[@]}"; do
  read -r command package <<<"$pair"
  if ! command -v "$command" >/dev/null 2>&1; then
    missing_commands+=("$command")
    missing_packages+=("$package")
  fi
done
# The import tests draw their PDF fixture with DejaVu, which has the no-break spaces and curly quotes of the articles.
if [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
  missing_commands+=("the DejaVu fonts")
  missing_packages+=("fonts-dejavu-core")
fi

if ((${#missing_packages[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 && [[ -r /etc/debian_version ]]; then
    echo "Installing ${missing_packages[*]} with apt-get"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing_packages[@]}"
  else
    echo "The tests need ${missing_commands[*]}, which this machine lacks, and this script can install them only as" >&2
    echo "root on Debian. Install them, then run ./test.sh again:" >&2
    echo "  Debian/Ubuntu: sudo apt-get install -y ${missing_packages[*]}" >&2
    echo "  (chromium must be at /usr/bin/chromium; Node.js 18 or newer with npm)" >&2
    exit 3
  fi
fi

# A free loopback port (nothing answers on it), so a developer's own Redis, often on 6379, is never touched.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
redis_dir=$(mktemp -d)
log=$(mktemp)
stop_redis() {
  if [[ -f "$redis_dir/redis.pid" ]]; then
    kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$redis_dir" "$log"
}
trap stop_redis EXIT
redis_port=""
for _ in $(seq 1 20); do
  candidate=$(shuf -i 20000-60999 -n 1)
  port_in_use "$candidate" && continue
  redis-server --port "$candidate" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" \
    --pidfile "$redis_dir/redis.pid" --daemonize yes >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$candidate" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  if [[ -f "$redis_dir/redis.pid" ]] && redis-cli -h 127.0.0.1 -p "$candidate" ping >/dev/null 2>&1; then
    redis_port=$candidate
    break
  fi
done
if [[ -z "$redis_port" ]]; then
  echo "Could not start a throwaway redis-server on a free loopback port." >&2
  exit 3
fi
export REGIONBOT_TEST_REDIS="127.0.0.1:$redis_port"

set +e
dotnet test RegionBot.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line over all test projects, so the run's result reads the same whatever the runner prints.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i + 1); if ($i == "Failed:") f += $(i + 1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"
