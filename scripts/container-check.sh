#!/usr/bin/env bash
# Builds the project's own Dockerfile and runs the image as it is deployed (HTTP mode), against a fake
# Slack Web API on this machine, with ../shared/tools/container (buildah + podman, no Docker engine):
#
#   bash scripts/container-check.sh [check.sh options, e.g. --no-cache]   (.ci/run runs it after the tests)
#
# Fails unless the image builds, is at most SIZE_BUDGET_MB above the node base image, becomes
# healthy on /healthz, passes its own HEALTHCHECK, answers a signed `/aws what is fargate`, checks
# its bot token against SLACK_API_URL, and stops on SIGTERM with exit code 0 within MAX_STOP_MS.
# Time to healthy is reported against HEALTHY_TARGET_MS (a warning, not a failure: it depends on
# the machine's load).
#
# Env: CONTAINER_TOOLS [../shared/tools/container]  SIZE_BUDGET_MB [120]  MAX_STOP_MS [5000]
#      HEALTHY_TARGET_MS [2000]  HEALTHY_TIMEOUT_S [30]  BASE_IMAGE [docker.io/library/node:22-bookworm-slim]
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=${CONTAINER_TOOLS:-../shared/tools/container}
SIZE_BUDGET_MB=${SIZE_BUDGET_MB:-120}
MAX_STOP_MS=${MAX_STOP_MS:-5000}
HEALTHY_TARGET_MS=${HEALTHY_TARGET_MS:-2000}
HEALTHY_TIMEOUT_S=${HEALTHY_TIMEOUT_S:-30}
BASE_IMAGE=${BASE_IMAGE:-docker.io/library/node:22-bookworm-slim}
[ -f "$TOOLS/check.sh" ] || { echo "container-check: no $TOOLS/check.sh (set CONTAINER_TOOLS)" >&2; exit 1; }

# The local stand-ins for the Docker Hub base images: made once per machine (returns at once after).
bash "$TOOLS/make-base.sh"
# shellcheck source=/dev/null
. "$TOOLS/lib.sh"
base_bytes=$(pod image inspect --format '{{.Size}}' "$BASE_IMAGE")

work=$(mktemp -d)
fake_pid=""
cleanup() {
  if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

node scripts/fake-slack-web-api.mjs > "$work/fake.json" 2> "$work/fake.log" &
fake_pid=$!
for _ in $(seq 1 100); do [ -s "$work/fake.json" ] && break; sleep 0.05; done
[ -s "$work/fake.json" ] || { echo "container-check: the fake Slack Web API did not start" >&2; cat "$work/fake.log" >&2; exit 1; }
json_field() { node -e 'process.stdout.write(String(JSON.parse(process.argv[1])[process.argv[2]]))' "$1" "$2"; }
fake_url=$(json_field "$(cat "$work/fake.json")" url)
fake_origin=$(json_field "$(cat "$work/fake.json")" origin)
port=$(node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')

bot_token=xoxb-container-check
export SLACK_SIGNING_SECRET="container-check-secret-$RANDOM$RANDOM"   # for the --after command too
echo "container-check: fake Slack Web API at $fake_url; the app on port $port"
set +e
SKIP_BASE=1 bash "$TOOLS/check.sh" . --port "$port" --health /healthz --timeout "$HEALTHY_TIMEOUT_S" \
  -e SLACK_BOT_TOKEN="$bot_token" -e SLACK_SIGNING_SECRET="$SLACK_SIGNING_SECRET" -e SLACK_API_URL="$fake_url" \
  "$@" --after "node scripts/send-slash-command.mjs http://127.0.0.1:$port 'what is fargate' --expect Fargate --response-url $fake_origin/response/container-check" \
  2>&1 | tee "$work/check.log"
check_rc=${PIPESTATUS[0]}
set -e
result=$(grep '^{"tool":"container-check"' "$work/check.log" | tail -n 1 || true)
[ -n "$result" ] || result='{}'
auth_checks=$(grep -c 'auth.test -> ok' "$work/fake.log" || true)

node --input-type=module - "$result" "$base_bytes" "$check_rc" "$auth_checks" \
  "$SIZE_BUDGET_MB" "$MAX_STOP_MS" "$HEALTHY_TARGET_MS" <<'EOF'
const [json, baseBytes, checkRc, authChecks, budgetMb, maxStopMs, healthyTargetMs] = process.argv.slice(2);
const r = JSON.parse(json);
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const failures = [];
const warnings = [];
const lines = [];
if (r.image_bytes === undefined) {
  failures.push(`the image did not build (stage: ${r.stage ?? 'unknown'})`);
} else {
  const over = r.image_bytes - Number(baseBytes);
  lines.push(`image      ${mb(r.image_bytes)} MB; base ${mb(Number(baseBytes))} MB; +${mb(over)} MB (budget +${budgetMb} MB); built in ${(r.build_ms / 1000).toFixed(1)} s`);
  if (over > Number(budgetMb) * 1e6) failures.push(`the image is ${mb(over)} MB above its base, over the ${budgetMb} MB budget`);
  if (r.healthy_ms === null || r.healthy_ms === undefined) {
    failures.push('the container never answered 200 on /healthz');
  } else {
    lines.push(`healthy    ${(r.healthy_ms / 1000).toFixed(2)} s after podman run (target ${(healthyTargetMs / 1000).toFixed(1)} s); RSS of PID 1 ${r.rss_mb ?? '?'} MB`);
    if (r.healthy_ms > Number(healthyTargetMs)) warnings.push(`healthy after ${r.healthy_ms} ms, over the ${healthyTargetMs} ms target`);
  }
  lines.push(`HEALTHCHECK ${r.dockerfile_healthcheck ?? 'none'}; /aws what is fargate: ${r.after_rc === 0 ? 'answered' : r.after_rc === undefined ? 'not sent' : 'FAILED'}; auth.test calls to the fake Slack: ${authChecks}`);
  if (r.dockerfile_healthcheck !== 'healthy') failures.push(`the Dockerfile HEALTHCHECK is ${r.dockerfile_healthcheck ?? 'missing'}`);
  if (r.healthy_ms != null && r.after_rc !== 0) failures.push('the container did not answer a signed /aws command');
  if (r.healthy_ms != null && Number(authChecks) < 1) failures.push('the app never called auth.test on SLACK_API_URL');
  lines.push(`stop       SIGTERM -> exit code ${r.exit_code} in ${r.stop_ms} ms (limit ${maxStopMs} ms)`);
  if (r.exit_code !== '0') failures.push(`SIGTERM stopped it with exit code ${r.exit_code}${r.exit_code === '137' ? ' (killed: PID 1 ignored SIGTERM)' : ''}, not 0`);
  if (r.stop_ms >= Number(maxStopMs)) failures.push(`stopping took ${r.stop_ms} ms, not under ${maxStopMs} ms`);
}
if (checkRc !== '0' && failures.length === 0) failures.push(`check.sh exited ${checkRc}`);
console.log('container-check: summary');
for (const line of lines) console.log(`  ${line}`);
for (const warning of warnings) console.log(`  WARNING: ${warning}`);
for (const failure of failures) console.log(`  FAILED: ${failure}`);
console.log(failures.length === 0 ? 'container-check: ok' : 'container-check: FAILED');
process.exit(failures.length === 0 ? 0 : 1);
EOF
