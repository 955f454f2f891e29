#!/usr/bin/env bash
# Runs the README's commands as a new user would type them, on a scratch
# DATA_DIR and scratch PostgreSQL databases, and fails naming the first one
# that fails. Every command of README.md (its ```sh blocks, and commands quoted
# in its prose) must be in PLAN below, exactly as written there: a command
# added, changed or removed in the README without PLAN following fails here,
# so the two cannot drift apart silently.
#
# PLAN kinds:
#   run    as written
#   sub    as written after a sed expression: fewer calls, scratch names, a
#          free port (never other flags, so a renamed flag still fails)
#   serve  a server: started as written (after the sed expression), in the
#          background; done when /ready answers 200, stopped with SIGINT
#   curl   as written (port substituted) while the embedded server runs; its
#          answer must hold "data" and no "errors"
#   slow   like sub, but only with --all (a minute or more each even when small)
#   skip   not run here; the reason says why
# Needs: Node 20, the npm ci of the checkout, PostgreSQL (pgvector) and Redis
# on 127.0.0.1 (as .ci/run provides). About 2 minutes on a quiet machine;
# `bash scripts/readme-commands.sh --all` adds the slow ones.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
all=0
[ "${1:-}" = --all ] && all=1

PG=postgres://postgres@127.0.0.1:5432
SCRATCH=parley_readme_ci
work=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
export DATA_DIR=$work/data LOG_LEVEL=warn DEMO_SEED_CALLS=50 PORT=$port
unset DATABASE_URL REDIS_URL

KINDS=() CMDS=() ARGS=()
plan() { KINDS+=("$1"); CMDS+=("$2"); ARGS+=("${3:-}"); }
# In the order they run.
plan run   'bash scripts/setup-pgvector.sh'
plan run   'npm run build'
plan skip  'npm run typecheck' ".ci/run's typecheck step runs it"
plan run   'npm run schema:emit'
plan run   'npm run schema:check'
plan skip  'npm run codegen' ".ci/run's generated-client step runs it"
plan run   'npm run db:generate'
plan run   'npm run db:migrate'
plan serve 'npm ci && npm start' 's/^npm ci \&\& //'   # .ci/run's "npm ci" step has just run it
plan curl  "curl -s localhost:4000/graphql -H 'content-type: application/json' -d '{\"query\":\"{ calls(first: 3) { nodes { callId agent { name } } } }\"}'"
plan curl  "curl -s -G localhost:4000/graphql -H 'apollo-require-preflight: true' --data-urlencode 'query={ agents(first: 3) { nodes { agentId name } } }'"
plan sub   'npm run generate -- --calls 100000 --seed 42 > calls.ndjson' "s/--calls 100000/--calls 200/; s#calls.ndjson#$work/calls.ndjson#"
plan sub   'npm run ingest -- calls.ndjson' "s#calls.ndjson#$work/calls.ndjson#"
plan sub   'npm run seed -- --calls 10000' 's/--calls 10000/--calls 200/'
plan run   'npm run reembed'
plan run   'npm run search:terms'
plan sub   'createdb -h 127.0.0.1 -U postgres parley' "s/parley\$/$SCRATCH/"
plan serve 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley REDIS_URL=redis://127.0.0.1:6379 npm start' "s#/parley #/$SCRATCH #"
plan sub   'npm run bench:ingest -- --calls 100000 --database-url postgres://postgres@127.0.0.1:5432/parley_bench_ingest' \
           "s/--calls 100000/--calls 100/; s/parley_bench_ingest/${SCRATCH}_bench_ingest/"
plan slow  'npm run bench:ingest -- --latency' "s#--latency#--latency --calls 100 --database-url $PG/${SCRATCH}_bench_ingest#"
plan slow  'npm run bench:ingest -- --memory' "s#--memory#--memory --mode embedded --requests 1#"
plan slow  'npm run bench -- --calls 200000' "s#--calls 200000#--calls 200 --seconds 1 --recall-samples 20 --database-url $PG/${SCRATCH}_bench#"
plan skip  'npm start' 'the prose names the Quick start command run above'
plan skip  'npm run bench' 'the prose names the benchmark run above'
plan skip  'npm run bench:ingest' 'the prose names the benchmark run above'
plan skip  'node dist/bench/cpu-profile.js FILE' 'needs a profile written by npm run bench --profile'
plan skip  'npm test' ".ci/run's tests step runs it"
plan skip  'TEST_MODES=embedded npm test' ".ci/run's tests step runs both modes"
plan skip  'bash scripts/readme-commands.sh' 'this script'
plan skip  'docker compose up' 'needs Docker (images, a daemon), which CI does not have'

# The README's commands: ```sh blocks (continuations joined, comments cut) and
# backquoted commands in the prose.
readme_commands() {
  node - "$root/README.md" <<'EOF'
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const out = new Set();
for (const [, block] of text.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
  for (let line of block.replace(/\s*\\\n\s*/g, ' ').split('\n')) {
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line) out.add(line);
  }
}
const prose = text.replace(/^```[\s\S]*?^```/gm, '');
for (const [, code] of prose.matchAll(/`([^`\n]+)`/g)) {
  if (/^(npm|npx|node|bash|sh|docker|curl|createdb|psql)\s/.test(code) || /^[A-Z_]+=\S*\s+(npm|node)\s/.test(code)) out.add(code.trim());
}
console.log([...out].join('\n'));
EOF
}

mapfile -t documented < <(readme_commands)
drift=0
for c in "${documented[@]}"; do
  found=0
  for p in "${CMDS[@]}"; do [ "$p" = "$c" ] && found=1 && break; done
  [ $found = 1 ] || { echo "README command not in scripts/readme-commands.sh's PLAN: $c" >&2; drift=1; }
done
for p in "${CMDS[@]}"; do
  found=0
  for c in "${documented[@]}"; do [ "$p" = "$c" ] && found=1 && break; done
  [ $found = 1 ] || { echo "PLAN command no longer in README.md: $p" >&2; drift=1; }
done
[ $drift = 0 ] || { echo "FAILED: README.md and scripts/readme-commands.sh disagree (see above)" >&2; exit 1; }

server_pgid=''
stop_server() {
  [ -n "$server_pgid" ] || return 0
  kill -INT -- "-$server_pgid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 -- "-$server_pgid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$server_pgid" 2>/dev/null || true
  server_pgid=''
}
drop_scratch() {
  for db in "$SCRATCH" "${SCRATCH}_bench_ingest" "${SCRATCH}_bench"; do
    psql -h 127.0.0.1 -U postgres -d postgres -qXc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  done
}
cleanup() { stop_server; drop_scratch; rm -rf "$work"; }
trap cleanup EXIT
drop_scratch

failed() { # command, log
  tail -n 25 "$2" >&2
  echo "FAILED: README command: $1" >&2
  exit 1
}

started=$SECONDS
for i in "${!CMDS[@]}"; do
  kind=${KINDS[$i]} cmd=${CMDS[$i]} arg=${ARGS[$i]}
  log=$work/step-$i.log
  line=$cmd
  case $kind in
    skip) printf 'skip  %s  (%s)\n' "$cmd" "$arg"; continue ;;
    slow) [ $all = 1 ] || { printf 'skip  %s  (slow: with --all)\n' "$cmd"; continue; }
          line=$(printf '%s' "$cmd" | sed -E "$arg") ;;
    sub | serve) line=$(printf '%s' "$cmd" | sed -E "$arg") ;;
    curl) line=${cmd//localhost:4000/localhost:$port} ;;
  esac
  t=$SECONDS
  case $kind in
    run | sub | slow)
      stop_server # the embedded database serves one process at a time
      bash -c "$line" >"$log" 2>&1 </dev/null || failed "$cmd" "$log" ;;
    curl)
      bash -c "$line" >"$log" 2>&1 </dev/null || failed "$cmd" "$log"
      grep -q '"data"' "$log" && ! grep -q '"errors"' "$log" || failed "$cmd" "$log" ;;
    serve)
      stop_server
      setsid bash -c "$line" >"$log" 2>&1 </dev/null &
      server_pgid=$!
      ready=0
      for _ in $(seq 1 480); do
        kill -0 "$server_pgid" 2>/dev/null || break
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; then ready=1; break; fi
        sleep 0.25
      done
      [ $ready = 1 ] || failed "$cmd (not ready on port $port)" "$log" ;;
  esac
  if [ "$cmd" = 'npm run db:generate' ] && [ -n "$(git status --porcelain -- drizzle 2>/dev/null)" ]; then
    echo "npm run db:generate wrote a migration: src/db/schema changed without one" >>"$log"
    failed "$cmd" "$log"
  fi
  last=$(grep -v '^[[:space:]]*$' "$log" | tail -n 1 | cut -c1-140 || true)
  printf 'ok    %s  (%ds) %s\n' "$cmd" $((SECONDS - t)) "${last:+ -> $last}"
done
stop_server
echo "every README command ran ($((SECONDS - started)) s)"
