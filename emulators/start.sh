#!/usr/bin/env bash
# Starts every emulator on loopback for a local run of the app against AWS-protocol servers.
# Tests do not need this: their fixtures start what they use. usage: emulators/start.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ -d "$here/node_modules" ] || npm ci --prefix "$here" --no-audit --no-fund
node "$here/fauxqs.mjs" 4566 &
node "$here/node_modules/dynalite/cli.js" --port 4567 --host 127.0.0.1 --createTableMs 0 &
node "$here/node_modules/aws-ses-v2-local/dist/cli.js" --port 4568 --host 127.0.0.1 &
echo "SQS and SNS: http://127.0.0.1:4566  DynamoDB: http://127.0.0.1:4567  SES v2: http://127.0.0.1:4568"
wait
