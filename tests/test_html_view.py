"""The HTML view in a real headless browser (Debian's chromium driven by Playwright)."""

import shutil
from pathlib import Path

import pytest

from claimtag.inference.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")

ARTICLE = (
    "Port strike to go ahead, union says\nBy Ann Lee\n\n"
    "Dock workers will walk out on Monday. The strike will cost about £4m a day.\n\n"
    "“We have no choice,” said Maria Okafor. “Our members have waited two years.”\n"
)


def test_page_shows_every_sentence_with_colour_counts_and_hover(tiny_model: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    source = tmp_path / "story.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    page_file = tmp_path / "story.html"
    assert main(["tag", str(source), "--model", str(tiny_model), "--format", "html", "-o", str(page_file)]) == 0
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page(viewport={"width": 900, "height": 700})
        page.goto(page_file.as_uri())
        spans = page.locator("article span.s")
        assert spans.count() == 6
        texts = [spans.nth(i).inner_text() for i in range(spans.count())]
        assert texts[0] == "Port strike to go ahead, union says"
        for i in range(spans.count()):
            label = spans.nth(i).get_attribute("data-label")
            colour = spans.nth(i).evaluate("e => getComputedStyle(e).backgroundColor")
            assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), label
            assert "%" in spans.nth(i).get_attribute("title")
        counts = page.locator(".counts").inner_text()
        assert all(label in counts for label in ("claim", "quote", "statistic", "context"))
        assert page.locator("header").inner_text().count("claim") >= 1
        shot = tmp_path / "view.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 5000


def test_who_said_what_panel_and_speaker_on_hover(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    source = tmp_path / "story.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    page_file = tmp_path / "story.html"
    assert main(["tag", str(source), "--format", "html", "-o", str(page_file)]) == 0  # the shipped model
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(page_file.as_uri())
        panel = page.locator("details.who")
        assert panel.is_visible() and "Who said what" in panel.inner_text()
        rows = page.locator("details.who tr")
        assert "Maria Okafor" in rows.nth(1).inner_text() and "We have no choice" in rows.nth(1).inner_text()
        quote = page.locator('span.s[data-speaker="Maria Okafor"]').first
        assert quote.get_attribute("title").startswith("said by Maria Okafor")
        browser.close()
