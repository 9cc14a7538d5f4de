"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

No browser is downloaded: Playwright is pointed at /usr/bin/chromium (installed by
.ci/run). Reports are real: the sample article analysed by every analysis, once per
session. Screenshots go to test-output/ (gitignored) and the test's tmp_path.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarize.report import Report
from summarize.sections import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = ROOT / "samples" / "pair-a-vessen-square-crackdown.txt"
PAIR_B = ROOT / "samples" / "pair-b-vessen-square-operation.txt"
OUTPUT = ROOT / "test-output"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; .ci/run installs it)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def sample_report() -> Report:
    from summarize import analyze, read_article
    from summarize.settings import Settings

    return analyze(read_article(str(SAMPLE)), Settings(analyses=SECTIONS))


def _save(page: Any, name: str, tmp_path: Path, *, full_page: bool = True) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full_page)
    shutil.copyfile(path, OUTPUT / name)
    assert path.stat().st_size > 10_000
    return path


class Recorder:
    """Every request, console error and dialog of a page."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def _open(browser: Any, html: str, tmp_path: Path, name: str, **context: Any) -> tuple[Any, Recorder, str]:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(**context)
    recorder = Recorder(page)
    url = path.as_uri()
    page.goto(url, wait_until="load")
    return page, recorder, url


def test_sample_report_shows_highlights_chart_and_summary(browser: Any, sample_report: Report,
                                                          tmp_path: Path) -> None:
    from summarize.render.html import render_report_html

    html = render_report_html(sample_report, SECTIONS)
    page, recorder, url = _open(browser, html, tmp_path, "report.html",
                                viewport={"width": 1200, "height": 900})
    try:
        marks = page.locator(".article .mark")
        assert marks.count() >= 5
        assert marks.first.is_visible()
        assert page.locator(".legend").first.is_visible()
        assert page.locator(".article .quote").count() >= 3

        arc = page.locator("svg.arc")
        arc.scroll_into_view_if_needed()
        assert arc.is_visible()
        box = arc.bounding_box()
        assert box and box["width"] > 400 and box["height"] > 100
        assert arc.locator("rect.bar").count() == len(sample_report.sentences)
        assert page.locator("svg.bars").is_visible()  # per-actor sentiment

        items = page.locator("#summary ol.summary li")
        assert items.count() == len(sample_report.to_dict()["summary"]["sentences"])
        assert items.first.is_visible()

        # The explanation appears on keyboard focus and on hover, with its neutral alternative.
        explained = page.locator(".article .mark:has(.tip span)").first
        explained.focus()
        tip = explained.locator(".tip")
        assert tip.is_visible()
        assert len(tip.inner_text()) > 20
        page.locator("h1").click()
        assert not tip.is_visible()
        explained.hover()
        assert tip.is_visible()

        # A summary sentence's source link jumps to (and highlights) the article sentence.
        link = page.locator("#summary a.sref").first
        target = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == target
        assert page.locator(f"{target}").evaluate("e => getComputedStyle(e).outlineStyle") != "none"

        _save(page, "html-report-sample.png", tmp_path)

        page.emulate_media(media="print")
        assert not page.locator("nav.toc").is_visible()
        assert page.locator(".article .mark").first.is_visible()
    finally:
        page.close()
    assert recorder.requests == [url], "the page made a network request"
    assert recorder.errors == [] and recorder.dialogs == []


def test_explanations_open_on_tap_on_a_phone(browser: Any, sample_report: Report, tmp_path: Path) -> None:
    from summarize.render.html import render_report_html

    html = render_report_html(sample_report, SECTIONS)
    page, recorder, url = _open(browser, html, tmp_path, "phone.html", viewport={"width": 390, "height": 844},
                                is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        mark = page.locator(".article .mark").nth(3)
        mark.scroll_into_view_if_needed()
        mark.tap()
        tip = mark.locator(".tip")
        assert tip.is_visible()
        box = tip.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, "the explanation fits the screen"
        # Nothing is wider than the phone except scrollable charts and tables.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        _save(page, "html-report-phone.png", tmp_path, full_page=False)
    finally:
        page.close()
    assert recorder.requests == [url]


HOSTILE_ARTICLE = (
    "Protest <script>alert(1)</script> Ends at Dawn\n\n"
    "The regime claimed the square was cleared <img src=x onerror=alert(2)> by noon on Sunday. "
    "\"We will not leave <script>alert(3)</script> until the tax is gone,\" said "
    "Ana <b onmouseover=alert(4)>Lis</b>, a teacher from Dorvan.\n\n"
    "Police said 40 people were detained and <iframe src=\"https://example.com\"></iframe> "
    "two officers were hurt. The ministry has yet to comment on the injuries.\n\n"
    "Officials said the square reopened <a href=\"javascript:alert(5)\">to traffic</a> by noon."
)


@pytest.fixture(scope="module")
def hostile_report() -> Report:
    from summarize import analyze
    from summarize.settings import Settings

    return analyze(HOSTILE_ARTICLE, Settings(analyses=SECTIONS), title="<script>alert(6)</script>")


@pytest.mark.parametrize("keep_csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_article_markup_cannot_execute(browser: Any, hostile_report: Report, tmp_path: Path,
                                       keep_csp: bool) -> None:
    from summarize.render.html import render_report_html

    html = render_report_html(hostile_report, SECTIONS)
    if not keep_csp:  # escaping alone must hold, even without the Content-Security-Policy
        html, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert removed == 1
    page, recorder, url = _open(browser, html, tmp_path, "hostile.html")
    try:
        for mark in page.locator(".mark").all()[:10]:
            mark.hover()
        page.locator(".article").click()
        page.wait_for_timeout(200)
        assert page.locator("script, img, iframe, [onerror], [onmouseover]").count() == 0
        assert page.locator('a[href^="javascript"]').count() == 0
        text = page.locator(".article").inner_text()
        assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
        assert page.title() == "<script>alert(6)</script>"
    finally:
        page.close()
    assert recorder.dialogs == [], "a script from the article ran"
    assert recorder.requests == [url]


def test_compare_view_side_by_side(browser: Any, tmp_path: Path) -> None:
    from summarize import analyze, read_article
    from summarize.compare import compare_reports
    from summarize.render.html import render_compare_html
    from summarize.settings import Settings

    settings = Settings(analyses=("framing",), count_model_tokens=False)
    a, b = (analyze(read_article(str(p)), settings) for p in (SAMPLE, PAIR_B))
    html = render_compare_html(compare_reports(a, b))
    page, recorder, url = _open(browser, html, tmp_path, "compare.html",
                                viewport={"width": 1200, "height": 900})
    try:
        columns = page.locator("#terms .pair > div")
        assert columns.count() == 2
        left, right = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
        assert left and right and left["x"] + left["width"] <= right["x"], "side by side"
        assert "regime" in columns.nth(0).inner_text().lower()
        assert page.locator("svg.pairs").is_visible()
        _save(page, "html-compare.png", tmp_path)
    finally:
        page.close()
    assert recorder.requests == [url]
