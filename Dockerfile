# syntax=docker/dockerfile:1
# The app in a small image: Python slim, CPU-only torch, an unprivileged user, one Streamlit
# process per container (run several behind nginx with deploy/compose.yaml; docs/deploy.md).
#
#   docker build -t activations-explainer .
#   docker run --rm -p 8501:8501 activations-explainer      # then open http://localhost:8501
#
# Docker cannot run on this project's machines; the image is built elsewhere. What runs inside
# it is tested here all the same: tests/test_proxy.py starts replicas with deploy/run.sh (this
# image's CMD) and checks them with deploy/healthcheck.py (this image's HEALTHCHECK).

# 3.11: the Python the test suite and CI run on (see docs/deploy.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged user runs the app (numeric below, so Kubernetes' runAsNonRoot can check it).
# The code stays owned by root: the app cannot rewrite it.
RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin app
WORKDIR /app

# Dependencies first: this layer survives code edits. requirements.txt pins every package.
# torch==2.13.0 also matches the CPU-only build "2.13.0+cpu" on PyTorch's CPU index (PEP 440
# ignores a local version label), and pip prefers it over PyPI's 2.13.0, whose Linux wheel
# pulls several GB of CUDA libraries that a CPU-only app never uses.
COPY requirements.txt ./
RUN pip install --no-cache-dir \
        --extra-index-url https://download.pytorch.org/whl/cpu \
        -r requirements.txt

COPY . .
# Class mode's SQLite file (classroom/store.py) lives in /app/data: the one folder the app
# writes. With several replicas, ACTIVATIONS_CLASSROOM_URL points them at PostgreSQL instead.
RUN install -d -o 10001 -g 10001 /app/data
USER 10001:10001

EXPOSE 8501
# Streamlit answers GET /_stcore/health with "ok" once it serves; the first start imports torch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
CMD ["sh", "deploy/run.sh"]
