"""Running the real `reviewdesk` command in a subprocess, as scripts and the bureau do."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def reviewdesk(*args: str | Path, env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], capture_output=True, text=True,
                          env=full_env, input=input, timeout=300)
