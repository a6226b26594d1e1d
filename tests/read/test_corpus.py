"""Reading articles: encodings, HTML, metadata, outlets from credits, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citetrace.errors import InputError
from citetrace.read.corpus import find_outlet, headline, read_corpus, read_document

from ..conftest import CORPUS


def test_sample_corpus_reads_five_articles_with_outlets() -> None:
    read = read_corpus([CORPUS])
    assert not read.errors
    outlets = {Path(d.path).name[:3]: d.outlet for d in read.documents}
    assert outlets == {
        "000": "Global Village Space",
        "001": "DailyMail.co.uk",
        "002": "ABC Flash Point News",
        "003": None,
        "004": "PressTV",
    }


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("| Welcome to Global Village Space\n\nText.", "Global Village Space"),
        ("Text.\n\nRead more at DailyMail.co.uk", "DailyMail.co.uk"),
        ("Text.\n\nRT. com / ABC Flash Point News 2020.\n", "ABC Flash Point News"),
        ("Just an article without credits.", None),
    ],
)
def test_outlet_from_credits(line: str, outlet: str | None) -> None:
    found = find_outlet(line)
    assert (found[0] if found else None) == outlet


def test_html_article_text_is_extracted(tmp_path: Path) -> None:
    body = " ".join(["The BBC reported that the group was regrouping in the desert near the border."] * 5)
    html = (
        f"<html><head><title>T</title><meta property='og:site_name' content='Example News'></head>"
        f"<body><nav>Home | About</nav><article><h1>Head</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    doc = read_document(tmp_path / "a.html")
    assert "regrouping" in doc.text and "<p>" not in doc.text
    assert doc.outlet == "Example News"


_BODY = " ".join(["The county health agency said cases were rising again in the city this week."] * 5)


@pytest.mark.parametrize(
    ("head", "outlet", "headline"),
    [
        (  # JSON-LD publisher when there is no og:site_name; og:title over the <title>
            "<title>Cases rise again | Sun Sentinel</title><meta property='og:title' content='Cases rise again'>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization",'
            ' "name": "Sun Sentinel"}}</script>',
            "Sun Sentinel",
            "Cases rise again",
        ),
        (  # no site name at all: the page title is no outlet; the <title> less its tail is the headline
            "<title>UK university student halls too full to be safe, experts warn - Site</title>",
            None,
            "UK university student halls too full to be safe, experts warn",
        ),
        (  # page furniture is no headline
            "<title>Posted: Thursday, May 5</title><meta property='og:site_name' content='WPLG'>",
            "WPLG",
            None,
        ),
    ],
    ids=["json-ld", "title-is-no-outlet", "posted-is-no-headline"],
)
def test_web_page_outlet_and_headline_from_its_metadata(tmp_path: Path, head: str, outlet, headline) -> None:
    html = f"<html><head>{head}</head><body><article><p>{_BODY}</p><p>{_BODY}</p></article></body></html>"
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    doc = read_document(tmp_path / "a.html")
    assert doc.outlet == outlet
    if headline is not None:
        assert doc.headline == headline
    else:  # none from the page: the text's own first line, never the furniture
        assert doc.headline is not None and not doc.headline.startswith("Posted")


def test_web_page_blocks_are_paragraphs(tmp_path: Path) -> None:
    """A page's headline and paragraphs are separated by blank lines, as the parser reads paragraphs:
    a headline without a full stop is never read into the first sentence."""
    html = (
        "<html><head><title>Reserves Fell</title></head><body><article><h1>Japan's Reserves Fell in October</h1>"
        f"<p>{_BODY}</p><p>{_BODY}</p></article></body></html>"
    )
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    text = read_document(tmp_path / "a.html").text
    assert "\n" not in text.replace("\n\n", "")  # every break a paragraph break
    assert text.split("\n\n")[0] == "Japan's Reserves Fell in October"


def test_meta_json_sets_outlet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text here.", encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"a.txt": {"outlet": "X Daily", "date": "2020-01-01"}}))
    (doc,) = read_corpus([tmp_path]).documents
    assert (doc.outlet, doc.date) == ("X Daily", "2020-01-01")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
        (b"a" * 2_000_001, "too large"),
    ],
)
def test_bad_files_are_input_errors(tmp_path: Path, data: bytes, message: str) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text("The BBC said so.", encoding="utf-8")
    read = read_corpus([tmp_path])
    assert [d.name for d in read.documents] == ["good.txt"]
    (err,) = read.errors
    assert message in str(err) and "bad.txt" in str(err)


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="holds no articles"):
        read_corpus([tmp_path])


def test_subfolders_are_read_and_names_keep_their_path(tmp_path: Path) -> None:
    for rel in ("2020/jan/a.txt", "2020/feb/a.txt", "b.md", ".hidden/c.txt", "2020/.d.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("The BBC said the group was back.", encoding="utf-8")
    (tmp_path / "old-report").mkdir()
    (tmp_path / "old-report" / ".citetrace-manifest.json").write_text("[]", encoding="utf-8")
    (tmp_path / "old-report" / "index.html").write_text("<html>a report</html>", encoding="utf-8")
    read = read_corpus([tmp_path])
    assert [d.name for d in read.documents] == ["2020/feb/a.txt", "2020/jan/a.txt", "b.md"] and not read.errors
    only_subfolders = tmp_path / "2020"
    assert [d.name for d in read_corpus([only_subfolders]).documents] == ["feb/a.txt", "jan/a.txt"]


def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("The BBC said \u201cthe group\u201d was back.".encode("utf-16"))
    (doc,) = read_corpus([tmp_path]).documents
    assert doc.text == "The BBC said \u201cthe group\u201d was back."


@pytest.mark.parametrize(
    ("text", "encoding", "command"),
    [
        ("He said \u201cno\u201d \u2013 twice.", "cp1252", "iconv -f cp1252 -t utf-8"),
        ("caf\u00e9 au lait", "latin-1", "iconv -f latin1 -t utf-8"),
    ],
)
def test_the_hint_names_the_right_encoding(tmp_path: Path, text: str, encoding: str, command: str) -> None:
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    (err,) = read_corpus([tmp_path]).errors
    assert command in str(err)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "| Welcome to Global Village Space\nTuesday, April 16, 2024\nISIS praises the murder as help\n",
            "ISIS praises the murder as help",
        ),
        (
            "Poll: Wealthy Voters Abandon Republican Party.\n\nBody text follows here.",
            "Poll: Wealthy Voters Abandon Republican Party.",
        ),
        ("Short.\nTiny line\n", None),
        ("word " * 40, ("word " * 19).strip() + " …"),
    ],
    ids=["skips-credit-and-date", "first-line", "none", "shortened"],
)
def test_headline(text: str, expected: str | None) -> None:
    assert headline(text) == expected


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_windows_line_ends_give_the_same_article(tmp_path: Path, newline: str) -> None:
    """The same article saved with CRLF line ends had another outlet ("ABC Flash Point News 2020."):
    line ends are read as Python reads text files, so it is one article and one outlet."""
    source = CORPUS / "002_0e4877a62b0c3399.txt"
    (tmp_path / "windows.txt").write_bytes(source.read_bytes().replace(b"\n", newline.encode()))
    unix, windows = read_document(source), read_document(tmp_path / "windows.txt")
    assert windows.text == unix.text and "\r" not in windows.text
    assert windows.outlet == unix.outlet == "ABC Flash Point News"


def test_a_large_web_page_with_a_short_article_is_read(tmp_path: Path) -> None:
    """1.3 MB of HTML (scripts, inline images) around an article of a few hundred words: the limit is
    on the article's text, not the page's bytes (before: "too large for a news article")."""
    body = "".join(
        f"<p>The ministry said on day {i} that the talks had failed again and would resume.</p>" for i in range(30)
    )
    page = f"<html><head><script>{'var x = 1;' * 130_000}</script></head><body><article>{body}</article></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert (tmp_path / "page.html").stat().st_size > 1_000_000
    doc = read_document(tmp_path / "page.html")
    assert "talks had failed again" in doc.text and len(doc.text) < 10_000
