#!/usr/bin/env bash
# Starts the FastAPI baseline on 127.0.0.1:${1:-18000}, one worker per core, no access log.
cd "$(dirname "$0")"
exec /usr/bin/python3 -m uvicorn emulator:app --host 127.0.0.1 --port "${1:-18000}" --workers "$(nproc)" --no-access-log --log-level warning
