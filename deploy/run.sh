#!/bin/sh
# THE command that serves the app. The image's CMD runs this file and tests/test_proxy.py starts
# its replicas with it, so the tested command is the shipped one; only PORT and ADDRESS differ.
#
#   PORT     default 8501
#   ADDRESS  default 0.0.0.0: every interface, as a container needs (the test uses 127.0.0.1)
#
# --server.fileWatcherType none: the code never changes inside an image, so watching it only
# costs CPU (and in the test, other people's edits must not rerun the app mid-test).
# Everything else (headless, maxUploadSize, XSRF, theme) is in .streamlit/config.toml.
#
# MALLOC_ARENA_MAX=2: glibc otherwise keeps a memory arena per busy thread and holds on to
# freed memory after a burst of sessions; with 2 the load benchmark's RSS fell back from a
# ~2 GB peak to ~0.85 GB instead of staying at ~1.6 GB.
set -eu
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
cd "$(dirname "$0")/.."
exec streamlit run streamlit_app.py \
    --server.port "${PORT:-8501}" \
    --server.address "${ADDRESS:-0.0.0.0}" \
    --server.fileWatcherType none
