#!/usr/bin/env bash
# What the background queue costs a small report: the seeded database's draft report for 2025-Q1, built in the
# request (POST /api/reports) and through the queue (POST /api/reports/jobs, then GET /api/jobs/{id} every 50 ms
# until it says succeeded), three rounds each, against the service started as its own process.
#   bench/report-queue.sh                         # SQLite in a temporary folder (Hangfire in memory)
#   NUIT_CONNECTION="Host=…;Database=…" bench/report-queue.sh    # PostgreSQL (an empty database)
# Build first: dotnet build Nuit.Portfolio.sln
set -euo pipefail
cd "$(dirname "$0")/.."
bin=src/Nuit.Portfolio.Web/bin/Debug/net10.0/Nuit.Portfolio.Web.dll
cli=src/Nuit.Portfolio.Cli/bin/Debug/net10.0/nuit.dll
dir=$(mktemp -d); port=5094; url=http://127.0.0.1:$port
if [[ -n ${NUIT_CONNECTION:-} ]]; then db=(--provider Postgres --connection "$NUIT_CONNECTION"); web=(--Database:Provider Postgres --ConnectionStrings:Portfolio "$NUIT_CONNECTION"); kind=PostgreSQL
else db=(--db "$dir/p.db"); web=(--Database:Path "$dir/p.db"); kind=SQLite; fi
token=$(dotnet "$cli" tokens create --role editor "${db[@]}" --seed-data seed-data | tail -1)
dotnet "$bin" --urls $url "${web[@]}" --Reports:Enabled false >"$dir/service.log" 2>&1 &
service=$!; trap 'kill $service 2>/dev/null; rm -rf "$dir"' EXIT
until curl -sf $url/health >/dev/null; do sleep 0.5; done
field() { python3 -c "import sys,json; print(json.load(sys.stdin)['$1'])"; }
now() { date +%s.%N; }
echo "| $kind | round 1 | round 2 | round 3 |"
for path in sync queue; do
  row="| $path |"
  for round in 1 2 3; do
    start=$(now)
    if [[ $path == sync ]]; then
      curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" "$url/api/reports?quarter=2025-Q1"
    else
      id=$(curl -sf -X POST -H "Authorization: Bearer $token" "$url/api/reports/jobs?quarter=2025-Q1" | field id)
      until [[ $(curl -sf -H "Authorization: Bearer $token" "$url/api/jobs/$id" | field state) == succeeded ]]; do sleep 0.05; done
    fi
    row+=" $(printf '%.2f' "$(echo "$(now) - $start" | bc)") s |"
    sleep 3
  done
  echo "$row"
done
