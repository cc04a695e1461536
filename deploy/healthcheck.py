"""The image's HEALTHCHECK: exit 0 when the app answers GET /_stcore/health with "ok".

Python, because python:slim has no curl. Asks 127.0.0.1:$PORT (default 8501, as deploy/run.sh).
"""

import os
import sys
import urllib.request

URL = f"http://127.0.0.1:{os.environ.get('PORT', '8501')}/_stcore/health"

try:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via an http_proxy
    with opener.open(URL, timeout=4) as response:
        body = response.read().decode(errors="replace").strip()
except OSError as exc:  # refused, timed out, HTTP 503 while the server starts
    print(f"unhealthy: {URL}: {exc}", file=sys.stderr)
    sys.exit(1)
if body != "ok":
    print(f"unhealthy: {URL} answered {body[:80]!r}", file=sys.stderr)
    sys.exit(1)
