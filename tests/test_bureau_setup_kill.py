"""Killing the desk loses nothing it showed as saved: the policy editor's choices are committed as
they are made, not when the window closes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from decimal import Decimal

import pytest

from review_model.bureau.desk import round_policy, save_round
from review_model.demo.cast import ROUND
from review_model.home import Home
from tests.support.bureau_inputs import make_clerk_inputs

pytestmark = pytest.mark.slow  # a second process with Qt


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_policy_choices_survive_a_kill_of_the_desk(tmp_path):
    clerk = make_clerk_inputs(tmp_path)
    with Home(clerk.bureau_home) as home:
        save_round(home, ROUND)
    child = subprocess.Popen([sys.executable, "-m", "tests.support.desk_policy_child", str(clerk.bureau_home)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        line = child.stdout.readline()
        assert line.strip() == "saved", line + child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with Home(clerk.bureau_home) as home:
        policy = round_policy(home)
    assert policy.min_score == Decimal("72.5") and policy.method == "median"
