"""The HTML report in a real browser: headless Chromium (Debian's chromium + chromium-driver) via Selenium.

Opens out/index.html from disk, checks the console is clean, follows the link to a document page,
clicks a claim and sees its chain. A screenshot of each step goes to artifacts/browser/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app

from .conftest import CORPUS, ROOT

ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM and DRIVER),
        reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
    ),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory, models_dir: Path, parse_cache: Path) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(
        app,
        ["run", str(CORPUS), "--out", str(out)],
        env={"CITETRACE_MODELS": str(models_dir), "CITETRACE_CACHE": str(parse_cache)},
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1600,1100",
    ):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def test_index_document_claim_chain(report: Path, browser) -> None:
    from selenium.webdriver.common.by import By

    browser.get((report / "index.html").as_uri())
    assert "citetrace" in browser.title
    assert browser.find_element(By.CSS_SELECTOR, ".diagram svg")  # the corpus diagram, inline
    assert "Al-Naba" in browser.page_source
    browser.save_screenshot(str(ARTIFACTS / "1-index.png"))
    assert _console_errors(browser) == []

    browser.find_element(By.LINK_TEXT, "000_9a0592be07adf101.txt").click()
    assert browser.current_url.endswith("000_9a0592be07adf101.html")
    browser.save_screenshot(str(ARTIFACTS / "2-document.png"))
    assert _console_errors(browser) == []

    # the claim that rests on Al-Naba through BBC Monitoring: click its cue in the text
    cue = _claim_cue(browser)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", cue)
    cue.click()
    panel = browser.find_element(By.ID, "panel").text
    assert "Global Village Space" in panel and "BBC Monitoring" in panel and "Al-Naba" in panel
    highlighted = browser.find_elements(By.CSS_SELECTOR, "svg g.node.hl")
    assert len(highlighted) >= 3  # the claim and its sources, outlined in the diagram
    browser.save_screenshot(str(ARTIFACTS / "3-claim-chain.png"))

    # a node of the diagram shows the chains through it
    node = highlighted[-1]
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
    assert "Chain" in browser.find_element(By.ID, "panel").text
    browser.save_screenshot(str(ARTIFACTS / "4-diagram-node.png"))
    assert _console_errors(browser) == []


def _claim_cue(browser):
    from selenium.webdriver.common.by import By

    return next(
        e
        for e in browser.find_elements(By.CSS_SELECTOR, "[data-cue]")
        if e.text == "according to" and "BBC Monitoring" in e.find_element(By.XPATH, "following-sibling::span[1]").text
    )


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1024, 768), (390, 844)], ids=["1280", "1024", "phone"])
def test_a_clicked_claim_shows_its_chain_where_the_reader_looks(report: Path, browser, width: int, height: int) -> None:
    """At 1280 px and below the chain panel sat 2,575 px under the click (5,541 px on a phone) and
    nothing scrolled to it: now it is in view after the click, beside the text or as a sheet over it."""
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, height)
    try:
        browser.get((report / "000_9a0592be07adf101.html").as_uri())
        cue = _claim_cue(browser)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", cue)
        cue.click()
        panel = browser.find_element(By.ID, "panel")
        assert "Al-Naba" in panel.text and "BBC Monitoring" in panel.text
        top, bottom, view = browser.execute_script(
            "var r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];", panel
        )
        assert 0 <= top < view and bottom > top + 40, (top, bottom, view)  # in sight, and not a sliver
        browser.save_screenshot(str(ARTIFACTS / f"7-claim-{width}.png"))
        close = panel.find_elements(By.CSS_SELECTOR, "button.close")
        if width < 1024:  # the sheet over the text closes again
            close[0].click()
            assert "open" not in panel.get_attribute("class")
        assert _console_errors(browser) == []
    finally:
        browser.set_window_size(1600, 1100)


def _label_height(browser) -> float:
    return browser.execute_script(
        "return document.querySelector('.diagram svg g.node text').getBoundingClientRect().height;"
    )


def test_the_corpus_diagram_is_legible_at_1280(report: Path, browser) -> None:
    """At 1280 px the corpus diagram was fitted to the page and its labels were about 6 px high: it is
    shown at reading size (to scroll in), and a button fits it to the page on demand."""
    from selenium.webdriver.common.by import By

    browser.set_window_size(1280, 800)
    try:
        browser.get((report / "index.html").as_uri())
        diagram = browser.find_element(By.CSS_SELECTOR, ".diagram")
        browser.execute_script("arguments[0].scrollIntoView()", diagram)
        assert _label_height(browser) >= 9
        browser.save_screenshot(str(ARTIFACTS / "8-corpus-diagram-1280.png"))
        browser.find_element(By.CSS_SELECTOR, "button.zoom").click()  # fit it to the page
        svg = browser.find_element(By.CSS_SELECTOR, ".diagram svg")
        assert svg.rect["width"] <= diagram.rect["width"] and _label_height(browser) < 9
        assert _console_errors(browser) == []
    finally:
        browser.set_window_size(1600, 1100)


def test_the_chain_panel_says_flags_as_the_page_does(report: Path, browser) -> None:
    """The panel wrote "altered_copy" where the page says "altered copy"."""
    browser.get((report / "000_9a0592be07adf101.html").as_uri())
    flags = browser.execute_script(
        "return JSON.parse(document.getElementById('citetrace-data').textContent).chains"
        ".flatMap(function(c){return c.flags.map(function(f){return f.label;});});"
    )
    assert flags and all("_" not in f for f in flags), flags


def test_source_page(report: Path, browser) -> None:
    from selenium.webdriver.common.by import By

    browser.get((report / "sources" / "al-naba.html").as_uri())
    items = browser.find_elements(By.CSS_SELECTOR, "[data-chain-link]")
    assert len(items) >= 5
    items[0].click()
    assert "Al-Naba" in browser.find_element(By.ID, "panel").text
    browser.save_screenshot(str(ARTIFACTS / "5-source-page.png"))
    assert _console_errors(browser) == []


def _box(element) -> tuple[float, float, float, float]:
    r = element.rect
    return r["x"], r["y"], r["x"] + r["width"], r["y"] + r["height"]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width", [1024, 1400])
def test_index_table_and_diagram_do_not_overlap(report: Path, browser, width: int) -> None:
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, 1000)
    browser.get((report / "index.html").as_uri())
    table = browser.find_element(By.CSS_SELECTOR, ".text table")
    diagram = browser.find_element(By.CSS_SELECTOR, ".side")
    browser.save_screenshot(str(ARTIFACTS / f"6-index-{width}.png"))
    assert not _overlap(_box(table), _box(diagram)), (_box(table), _box(diagram))
    svg = browser.find_element(By.CSS_SELECTOR, ".diagram svg")
    assert svg.rect["width"] >= min(600, width * 0.45)  # the diagram keeps a readable width
    browser.set_window_size(1600, 1100)
