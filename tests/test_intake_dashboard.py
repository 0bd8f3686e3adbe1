"""The bureau's dashboard in a real headless Chromium (Debian's chromium + chromium-driver, Selenium):
a one-time login link from the CLI, per applicant × expert what arrived, what is missing, declared
conflicts and refusals with their reason, in Chinese, refreshing itself."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from review_model.errors import Problem
from tests.support.cli import reviewdesk
from tests.support.intake import _required, chromium
from tests.support.panel_round import Sheet

pytestmark = pytest.mark.slow


@pytest.fixture
def browser(tmp_path):
    _required(shutil.which("chromium") and shutil.which("chromedriver"), "chromium and chromium-driver")
    driver = chromium(tmp_path / "chromium-profile")
    yield driver
    driver.quit()


def _cell(driver, expert: str, applicant: str) -> str:
    return driver.find_element("css selector", f'td[data-expert="{expert}"][data-applicant="{applicant}"]').text


def test_the_dashboard_shows_every_assignment_in_chinese_and_refreshes_itself(intake, intake_round, browser,
                                                                              tmp_path):
    with intake.client() as client:
        client.deliver(intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]}, name="E02-1.rvret"))
        client.deliver(intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20"),
                                                           Sheet("30", "25", "20", amend_reason="复核第1.1项")]},
                                           name="E02-2.rvret"))
        client.deliver(intake_round.bundle("E03", {"A01": [Sheet("32", "21", "27")]}, conflicts={"A02": "近三年曾任该单位技术顾问"},
                                           name="E03-1.rvret"))
        with pytest.raises(Problem):
            client.deliver(intake_round.bundle("E01", {"A01": [Sheet("35", "25", "20")],
                                                       "A02": [Sheet("20", "10", "25")]}, name="E01-x.rvret",
                                               conflicts={"A02": "亲属"}))  # a sheet and a conflict for A02
    browser.get(f"{intake.url}/dashboard")
    assert "一次性登录链接" in browser.find_element("tag name", "body").text  # nobody gets in without the link

    made = reviewdesk("--home", intake.home, "intake", "login-link", "--db", intake.db_url)
    assert made.returncode == 0, made.stderr
    link = made.stdout.splitlines()[0]
    assert link.startswith(f"{intake.url}/login/")
    browser.get(link)
    assert browser.current_url == f"{intake.url}/dashboard"
    assert "已送达" in _cell(browser, "E02", "A01") and "第2版" in _cell(browser, "E02", "A01")
    assert "已声明回避" in _cell(browser, "E03", "A02")
    assert "未提交" in _cell(browser, "E02", "A03")
    refused = _cell(browser, "E01", "A02")  # the chair's bundle was refused: why, in words
    assert "已拒收" in refused and "该专家已对此申报单位声明回避" in refused
    page = browser.find_element("tag name", "body").text
    assert "已受理的回传包" in page and "历史版本" in page and "下载" in page
    screenshot = Path(os.environ.get("REVIEWDESK_SCREENSHOT_DIR", tmp_path)) / "intake-dashboard.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(1366, 900)
    deadline = time.monotonic() + 15
    while browser.execute_script("return document.fonts.status") != "loaded":  # the served CJK font
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert browser.execute_script("return document.fonts.check('16px \"ReviewDesk CJK\"', '评审')")
    assert browser.save_screenshot(str(screenshot))

    # a new delivery appears without anyone reloading the page
    with intake.client() as client:
        client.deliver(intake_round.bundle("E02", {"A03": [Sheet("31", "20", "20")]}, name="E02-3.rvret"))
    deadline = time.monotonic() + 25
    while "已送达" not in _cell(browser, "E02", "A03"):
        assert time.monotonic() < deadline, "the dashboard did not refresh"
        time.sleep(0.5)

    # the download link gives the bundle as received; the login link works only once
    href = browser.find_elements("css selector", "a[href*='/bundles/']")[0].get_attribute("href")
    assert "/dashboard/" in href
    browser.delete_all_cookies()
    browser.get(link)
    assert "已使用或已过期" in browser.find_element("tag name", "body").text
