"""Hostile input at the app's doors, through Streamlit's AppTest (and one case in the real browser): huge pastes,
control, zero-width and right-to-left characters, Markdown, HTML and script in a question and in a document,
punctuation-only questions, path characters in what is exported. Each gets a clear message or a safe rendering,
nothing is rendered as markup, and the session answers a plain question afterwards.

"Rendered as markup" is checked on what the app hands to Streamlit: Markdown elements without HTML are rendered
with CommonMark (markdown-it, as Streamlit's react-markdown reads them) and may produce no tag but paragraphs,
line breaks and the answer's list; Streamlit's own syntax ($…$, :red[…], :icon:) must reach it escaped. Elements
that allow HTML may carry the hostile strings only HTML-escaped. The browser case checks the page itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest
from test_app import FILLER, write_app_corpus
from test_browser import CHROMIUM, serve_app

from govqa.answering.extractive import MODES, REFUSAL
from govqa.corpus import sha256_file
from govqa.index.pipeline import ingest
from govqa.search.query import MAX_QUESTION_CHARS
from govqa.settings import PROJECT_ROOT, Settings
from govqa.ui.export import conversation_json, conversation_markdown

pytestmark = pytest.mark.slow

SCRIPT = "<script>alert('q')</script>"
IMG = "<img src=x onerror=alert(1)>"
MARKDOWN = "# Heading **bold** [link](javascript:alert(1)) ![pixel](http://127.0.0.1:9/p.png) $E=mc^2$ :red[red]"
PLAIN = "Who must register a household robot before sale?"
# A document whose own text carries markup: HTML, a script, Markdown emphasis and links, Streamlit's math and
# colours, a table row. Its titles carry markup too.
MARKUP_DOC = f"""Markupia Robot Notice Rules
Article 1
(1) A robot seller in Markupia shall display the warning notice <script>alert('doc')</script> and the label \
**SAFE ROBOT** next to [the price](javascript:alert(1)) of every household robot it offers. {FILLER}
(2) The warning notice costs $5 per robot, is printed :red[in red ink] on | a | b | paper, and \
<img src=x onerror=alert(2)> shows the seller's name. {FILLER}
"""
MARKUP_TITLE = "<b>Markupia</b> **Notice** Rules <img src=x onerror=alert(3)>"
MARKUP_QUESTION = "What warning notice must a robot seller in Markupia display next to the price?"
# paragraphs, answer lines, and the app's own bold ("Verdict") and code (the document id under "File identity")
ALLOWED_TAGS = {"p", "ul", "li", "br", "strong", "code"}
md = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _markup_entry(path: Path) -> str:
    return (
        f'[[document]]\nid = "mk-notice-rules"\nfile = "{path.name}"\ntitle = "{MARKUP_TITLE}"\n'
        f'short_title = "{MARKUP_TITLE}"\njurisdiction = "MK"\nlanguage = "en"\nversion = "v1 <i>draft</i>"\n'
        f'status = "in_force"\nlegal_effect = "binding"\nofficial_url = "https://example.org/mk?a=1&b=<x>"\n'
        f'sha256 = "{sha256_file(path)}"\nbytes = {path.stat().st_size}\nformat = "txt"\n'
        f'profile = "articles-text"\nlicence = "invented for tests"\n\n'
    )


def build_hostile_index(root: Path) -> dict[str, str]:
    """The app's fixture corpus plus a document full of markup, ingested with the packaged models."""
    env = write_app_corpus(root)
    doc = root / "cache" / "mk-notice-rules.txt"
    doc.write_text(MARKUP_DOC, encoding="utf-8")
    manifest = root / "sources.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("[jurisdiction_words]\n", _markup_entry(doc) + '[jurisdiction_words]\nMK = ["Markupia"]\n'),
        encoding="utf-8",
    )
    settings = Settings(index_dir=root / "index", cache_dir=root / "cache", manifest=manifest)
    reports = ingest(settings)
    assert all(r.state == "ingested" for r in reports), reports
    return env


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return build_hostile_index(tmp_path_factory.mktemp("hostile-app"))


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> AppTest:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    at.session_state["own-markup"] = {body for body, _ in _texts(at)}  # the app's own headings ("#### Mode")
    return at


def _ask(at: AppTest, question: str, mode: str | None = None) -> AppTest:
    if mode:
        at.radio(key="mode").set_value(mode).run()
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> list[tuple[str, bool]]:
    """(body, allows HTML) of every element whose body Streamlit reads as Markdown."""
    out = [(m.value, bool(m.proto.allow_html)) for m in at.markdown]
    for kind in (at.caption, at.info, at.warning, at.error):
        out.extend((e.value, False) for e in kind)
    return out


def assert_no_markup(at: AppTest, *hostile: str) -> None:
    """Markdown bodies render to no tag beyond paragraphs and the answer's list and keep no Streamlit syntax
    unescaped; HTML bodies hold no hostile element unescaped and render no emphasis, image, heading, script or
    javascript: link (Markdown inside the app's HTML blocks is not read)."""
    own = at.session_state["own-markup"]
    elements = [m.group(0) for h in hostile for m in re.finditer(r"<([a-z]+)\b[^>]*>(?:[^<]*</\1>)?", h)]
    for body, allows_html in _texts(at):
        if body in own:
            continue
        rendered = md.render(body)
        tags = set(re.findall(r"<([a-z0-9]+)", rendered))
        if allows_html:
            assert not [e for e in elements if e in body], body
            assert not tags & {"strong", "em", "img", "script", "h1", "h2", "h3", "table", "del"}, (tags, body)
            assert not re.search(r"href=[\"']?\s*javascript", rendered), body
            continue
        assert tags <= ALLOWED_TAGS, (tags, body)
        assert not re.search(r"(?<!\\)\$\S|(?<!\\):[a-z]+\[|(?<!\\):[a-z_]+:", body), body


def assert_still_answers(at: AppTest) -> None:
    """The same session answers a plain question with a cited answer."""
    before = len(at.session_state["turns"])
    _ask(at, PLAIN, mode="ask")
    turns = at.session_state["turns"]
    assert len(turns) == before + 1 and turns[-1].answer.citations, turns[-1].answer.text
    assert turns[-1].answer.citations[0].locator.startswith("Article 2")


def test_50000_character_paste_is_refused_with_its_length(app: AppTest) -> None:
    """A 50,000-character paste: an error naming its length and the limit, nothing added to the conversation."""
    paste = ("The provider of a household robot shall register it. " * 1000)[:50_000]
    _ask(app, paste)
    assert app.error and "50000 characters" in app.error[0].value.replace("\\", "")
    assert str(MAX_QUESTION_CHARS) in app.error[0].value and not app.session_state["turns"]
    assert_still_answers(app)


@pytest.mark.parametrize(
    "question",
    [
        "Who must\x00 register\x07 a household\x1b[31m robot\x1b[0m before sale?",
        "Who\u200b must re\u200dgister a house\u200chold robot\ufeff before sale?",
        "\u202eWho must register a household robot before sale?\u202c\u2066",
    ],
    ids=["control", "zero-width", "bidi-override"],
)
def test_invisible_characters_are_dropped_and_answered(app: AppTest, question: str) -> None:
    """Control, zero-width and bidi-override characters: answered like the plain question; none is shown."""
    _ask(app, question)
    turn = app.session_state["turns"][0]
    assert turn.answer.citations and turn.answer.citations[0].locator.startswith("Article 2")
    for body, _ in _texts(app):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", body), body
    assert_still_answers(app)


def test_right_to_left_question_is_answered_or_refused_cleanly(app: AppTest) -> None:
    """An Arabic question: no crash; it is shown as typed and gets an answer or the refusal."""
    question = "من يجب عليه تسجيل الروبوت المنزلي قبل البيع؟"
    _ask(app, question)
    turn = app.session_state["turns"][0]
    assert turn.answer.citations or turn.answer.refused
    assert any(question in body for body, _ in _texts(app))
    assert_still_answers(app)


@pytest.mark.parametrize("question", ["?!?…", "...", "¿¡!?", "🤖🤖🤖", "「」。、"], ids=str)
def test_punctuation_only_question_gets_a_clear_message(app: AppTest, question: str) -> None:
    """A question of punctuation or emoji only: an error or the refusal, never a traceback or citations."""
    _ask(app, question)
    turns = app.session_state["turns"]
    if app.error:
        assert not turns and "question" in app.error[0].value.lower()
    else:
        assert turns[0].answer.refused and [w.value for w in app.warning][:1] == [REFUSAL]
    assert_still_answers(app)


def test_zero_width_only_question_is_empty(app: AppTest) -> None:
    """Only zero-width and control characters: the empty-question message."""
    _ask(app, "\u200b\u200d\ufeff\x00\x07")
    assert app.error and "question is empty" in app.error[0].value
    assert_still_answers(app)


@pytest.mark.parametrize("mode", MODES)
def test_markup_in_a_question_is_shown_as_text_in_every_mode(app: AppTest, mode: str) -> None:
    """HTML, script and Markdown in a question, in every mode: shown as the characters typed, never rendered."""
    question = f"{SCRIPT}{IMG} {MARKDOWN} Who must register a household robot?"
    _ask(app, question, mode=mode)
    assert_no_markup(app, SCRIPT, IMG, MARKDOWN)
    bubbles = [body for body, _ in _texts(app) if "Heading" in body]
    assert bubbles and md.render(bubbles[0]).count("&lt;script&gt;") == 1  # the user's bubble shows it as text
    assert_still_answers(app)


def test_multiline_markdown_paste_stays_one_bubble_of_text(app: AppTest) -> None:
    """A pasted Markdown document (headings, list, table, quote, rule) is one paragraph of text in the bubble."""
    paste = "# Title\n\n1. first\n- second\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\nWho must register?"
    _ask(app, paste)
    assert_no_markup(app, paste)
    assert_still_answers(app)


def test_markup_in_a_document_is_shown_as_text(app: AppTest) -> None:
    """A document whose text and title carry HTML, script and Markdown: its card, answer and quote show them as
    text; the page-level HTML holds them only escaped."""
    _ask(app, MARKUP_QUESTION)
    answer = app.session_state["turns"][0].answer
    assert answer.citations and answer.citations[0].doc_id == "mk-notice-rules", answer.text
    assert_no_markup(app, MARKUP_DOC, MARKUP_TITLE, "v1 <i>draft</i>", "<x>")
    cards = [m.value for m in app.markdown if "class='passage'" in m.value]
    assert any("&lt;script&gt;alert(&#x27;doc&#x27;)&lt;/script&gt;" in c for c in cards), cards
    heads = [m.value for m in app.markdown if "class='cite-head'" in m.value]
    assert any("&lt;b&gt;Markupia&lt;/b&gt; **Notice**" in h for h in heads), heads
    assert_still_answers(app)


@pytest.mark.parametrize("mode", ["claim", "compare", "quote"])
def test_markup_document_in_other_modes(app: AppTest, mode: str) -> None:
    """The markup document reached through the claim, compare and quote modes renders safely too."""
    question = {
        "claim": "A robot seller in Markupia must display the warning notice next to the price.",
        "compare": "Compare the duties of robot sellers in Markupia and Examplia",
        "quote": "Quote Article 1 of the Markupia Robot Notice Rules",
    }[mode]
    _ask(app, question, mode=mode)
    answer = app.session_state["turns"][0].answer
    assert "mk-notice-rules" in {c.doc_id for c in answer.citations}, answer.text
    assert_no_markup(app, MARKUP_DOC, MARKUP_TITLE)
    assert_still_answers(app)


def test_source_viewer_shows_a_markup_document_as_text(app: AppTest) -> None:
    """'Open in source' on the markup document: the whole article, its HTML and Markdown escaped."""
    _ask(app, MARKUP_QUESTION)
    app.toggle[0].set_value(True).run()
    assert not app.exception, app.exception
    full = [m.value for m in app.markdown if "class='fulltext'" in m.value]
    assert full and "&lt;img src=x onerror=alert(2)&gt;" in full[0] and "<img" not in full[0]
    assert "**SAFE ROBOT**" in full[0] and "<mark>" in full[0]  # Markdown inside an HTML block is not read
    assert_no_markup(app, MARKUP_DOC)
    assert_still_answers(app)


def test_filters_that_exclude_everything_refuse_cleanly(app: AppTest) -> None:
    """Known filter values whose intersection is empty (Japan, and only Examplia's act): the refusal, no crash."""
    app.multiselect[0].set_value(["JP"]).run()
    app.multiselect[1].set_value(["ex-robot-act-2027"]).run()
    _ask(app, f"{IMG} Who must register a household robot before sale?")
    assert app.session_state["turns"][0].answer.refused
    assert_no_markup(app, IMG)
    app.multiselect[0].set_value([]).run()
    app.multiselect[1].set_value([]).run()
    assert_still_answers(app)


def test_follow_up_with_markup_searches_and_shows_it_as_text(app: AppTest) -> None:
    """A follow-up wrapped in markup ("What about :red[**Japan**]?") is rewritten in context; the question and
    what was searched are shown as text."""
    _ask(app, "What must a business supplying household robots do in Examplia?")
    _ask(app, "What about :red[**Japan**]?")
    turns = app.session_state["turns"]
    assert len(turns) == 2 and turns[1].query == "What must a business supplying household robots do in Japan?"
    assert turns[1].answer.citations[0].doc_id == "jp-robot-act-en"
    assert_no_markup(app, ":red[**Japan**]")
    assert any(c.value.startswith("Searched for: ") for c in app.caption)
    bubbles = [body for body, _ in _texts(app) if "Japan\\*\\*" in body]
    assert bubbles == ["What about \\:red\\[\\*\\*Japan\\*\\*\\]?"]


def test_export_of_a_conversation_with_path_characters(app: AppTest) -> None:
    """Questions carrying path characters and markup: the downloads keep their fixed names, the Markdown export
    keeps each question on its heading line, and the JSON export round-trips them exactly."""
    path_like = "../../etc/passwd\\..\\boot.ini: Who must register a household robot before sale?"
    _ask(app, path_like)
    _ask(app, f"and\n# what are the penalties? {SCRIPT}")
    buttons = app.get("download_button")
    assert len(buttons) == 2
    names = [b.proto.label for b in buttons]
    assert names == ["Markdown", "JSON"]
    for b in buttons:
        url = b.proto.url
        assert ".." not in url and "passwd" not in url and "boot.ini" not in url, url
    turns = app.session_state["turns"]
    markdown = conversation_markdown(turns)
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [f"## 1. {turns[0].question}", f"## 2. {turns[1].question}"]
    assert "\n# what" not in markdown
    import json

    assert [t["question"] for t in json.loads(conversation_json(turns))["turns"]] == [t.question for t in turns]
    assert_still_answers(app)


# ---------------------------------------------------------------- the same, as a person sees it


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Iterator[str]:
    """`streamlit run app.py` on 127.0.0.1 over the hostile index; stopped (by its pid) afterwards."""
    with serve_app(tmp_path_factory.mktemp("hostile-browser"), env, "hostile-streamlit.log") as url:
        yield url


def test_markup_never_runs_or_renders_in_the_browser(hostile_url: str) -> None:
    """In Chromium: a question and a document full of HTML, script and Markdown run no script, create no image,
    heading or link from them, and show their characters as text."""
    assert CHROMIUM.is_file(), "Debian's Chromium is missing: `apt-get install -y chromium` (CI does it in .ci/run)"
    from playwright.sync_api import expect, sync_playwright

    question = (
        "<img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='script'</script> **loud** "
        "# What warning notice must a robot seller in Markupia display next to the price?"
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(hostile_url)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=240_000)
            box.fill(question)
            box.press("Enter")
            page.get_by_test_id("stDownloadButton").first.wait_for(timeout=240_000)  # drawn once the answer is
            page.wait_for_timeout(500)
            main = page.get_by_role("main")
            shown = main.inner_text()  # escapes split the text into several nodes: read the whole
            assert "<script>window.__pwned='script'</script> **loud** # What warning" in shown
            assert "**SAFE ROBOT**" in shown and ":red[in red ink]" in shown and "$5 per robot" in shown
            assert page.evaluate("window.__pwned === undefined")
            assert main.locator("img[src='x']").count() == 0
            assert main.locator("a[href^='javascript']").count() == 0
            assert main.locator("strong", has_text="loud").count() == 0
            assert main.locator("strong", has_text="SAFE ROBOT").count() == 0
            assert main.locator("h1", has_text="What warning notice").count() == 0
            page.get_by_text("Open in source").first.click()
            page.locator(".fulltext").first.wait_for(timeout=120_000)
            expect(page.locator(".fulltext").first).to_contain_text("<script>alert('doc')</script>")
            assert page.evaluate("window.__pwned === undefined")
            assert main.locator("img[src='x']").count() == 0
            # the session goes on: a plain question gets its citation card
            box.fill(PLAIN)
            box.press("Enter")
            expect(page.locator(".cite-loc", has_text="Article 2").last).to_be_visible(timeout=240_000)
        finally:
            browser.close()
