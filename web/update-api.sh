#!/usr/bin/env bash
# Regenerates the browser app's API types from the server's OpenAPI document: builds the server (without the web
# app), starts it on a free port with a throwaway data folder, saves /openapi/v1.json and runs openapi-typescript.
# A server test (OpenApiDocumentTests) fails when the committed document differs from what the server serves.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Waymark.Cli -c Release -p:SkipWebApp=true -v quiet -nologo >/dev/null
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dotnet src/Waymark.Cli/bin/Release/net10.0/waymark.dll serve --no-demo --port "$port" --data "$data" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/openapi/v1.json" | python3 -m json.tool --indent 2 > web/openapi/v1.json
cd web && npx openapi-typescript openapi/v1.json -o src/api/schema.d.ts
