"""The Streamlit app, driven by Streamlit's AppTest against a real Chroma index. The app is given the
keyword-count embedders (the session's `embedder_factory`), so its logic runs without the packaged models;
the tests that need those models are marked slow.

The fixture corpus is invented: a two-page PDF act of "Examplia" (in force), its superseded 2020 text,
and an English translation of a Japanese act, described by a manifest written for the test.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import KeywordEmbedder, make_pdf
from langchain_core.embeddings import Embeddings
from streamlit.testing.v1 import AppTest

from govqa.answering.extractive import REFUSAL
from govqa.corpus import sha256_file
from govqa.index.pipeline import ingest
from govqa.settings import PROJECT_ROOT, Settings
from govqa.ui.conversation import Turn
from govqa.ui.export import conversation_json, conversation_markdown

# The words the fixture acts are about: the keyword-count stand-in ranks by them as the real models would.
VOCABULARY = (
    *KeywordEmbedder.VOCABULARY,
    "household", "machine", "talks", "person", "provider", "sale", "register", "fine", "credits", "research",
    "laboratory", "consumers", "apply", "applies", "rented", "serial", "japan", "japanese", "examplia", "duty",
)  # fmt: skip


def keyword_models(settings: Settings) -> dict[str, Embeddings]:
    """The embedder factory the app is given here: keyword-count stand-ins for the packaged models."""
    return {
        "dense": KeywordEmbedder("fake-keywords", VOCABULARY),
        "multilingual": KeywordEmbedder("fake-2", VOCABULARY),
    }


FILLER = (
    "The Robot Office publishes guidance on this paragraph, and that guidance is read together with the "
    "general principles of this Act."
)
ACT_2027 = [
    ("Examplia Robot Act 2027", ""),
    ("Article 1", ""),
    (
        "(1) This Act applies to household robots that are sold or rented to consumers in Examplia, whatever their "
        "size and whatever task they perform for their owner.",
        FILLER,
    ),
    ("Article 2", ""),
    (
        "(1) A provider of a household robot shall register the robot with the Examplia Robot Office before sale, "
        "giving its serial number and the name of the provider.",
        FILLER,
    ),
    (
        "(2) The Examplia Robot Office may impose a fine of up to 5,000 credits on a provider who fails to "
        "register a household robot before sale.",
        FILLER,
    ),
    ("Article 3", ""),
    (
        "(1) A household robot that talks to people shall tell them clearly that they are speaking with a machine "
        "and not with a person.",
        FILLER,
    ),
    (
        "(2) This duty does not apply to robots used only for research in a closed laboratory where no consumer "
        "is present.",
        FILLER,
    ),
]
ACT_2020 = f"""Examplia Robot Act 2020
Article 1
(1) Every owner of a household robot shall notify the Examplia Robot Office by registered letter within ten days \
after the robot starts work. {FILLER}
"""
JP_ACT = f"""Robot Promotion Act of Japan (English translation)
Article 1
(1) The State shall promote the research and development of household robots and their safe use in daily \
life. {FILLER}
Article 2
(1) A business that supplies household robots shall endeavour to cooperate with the measures taken by the \
State. {FILLER}
"""


def _pdf_pages() -> list[list[str]]:
    lines: list[str] = []
    for text, filler in ACT_2027:
        lines.extend(textwrap.wrap(f"{text} {filler}".strip(), 88) or [""])
    return [lines[:14], lines[14:]]


def _manifest(files: dict[str, Path]) -> str:
    def entry(
        doc_id: str,
        title: str,
        short: str,
        fmt: str,
        profile: str,
        jurisdiction: str,
        status: str,
        effect: str,
        extra: str = "",
    ) -> str:
        path = files[doc_id]
        return (
            f'[[document]]\nid = "{doc_id}"\nfile = "{path.name}"\ntitle = "{title}"\nshort_title = "{short}"\n'
            f'jurisdiction = "{jurisdiction}"\nlanguage = "en"\nversion = "test fixture"\nstatus = "{status}"\n'
            f'legal_effect = "{effect}"\nofficial_url = "https://example.org/{doc_id}"\n'
            f'sha256 = "{sha256_file(path)}"\nbytes = {path.stat().st_size}\nformat = "{fmt}"\n'
            f'profile = "{profile}"\nlicence = "invented for tests"\n{extra}\n'
        )

    return "\n".join(
        [
            entry(
                "ex-robot-act-2027",
                "Examplia Robot Act 2027",
                "Examplia Robot Act",
                "pdf",
                "generic",
                "EX",
                "in_force",
                "binding",
                'aliases = ["Robot Act"]\ndownload_url = "https://example.org/robot-act.pdf"',
            ),
            entry(
                "ex-robot-act-2020",
                "Examplia Robot Act 2020",
                "Examplia Robot Act 2020",
                "txt",
                "articles-text",
                "EX",
                "superseded",
                "binding",
                'superseded_by = "ex-robot-act-2027"',
            ),
            entry(
                "jp-robot-act-en",
                "Robot Promotion Act of Japan (English)",
                "Japan Robot Promotion Act (EN)",
                "txt",
                "articles-text",
                "JP",
                "in_force",
                "reference_translation",
            ),
            '[jurisdiction_words]\nEX = ["Examplia"]\nJP = ["Japan", "Japanese"]\n',
        ]
    )


def write_app_corpus(root: Path, folder: str = "cache") -> dict[str, str]:
    """Write the fixture files into root/folder and a manifest pinning them; return the GOVQA_* environment."""
    cache = root / folder
    cache.mkdir(parents=True, exist_ok=True)
    files = {
        "ex-robot-act-2027": make_pdf(cache / "ex-robot-act-2027.pdf", _pdf_pages(), header=None, footer=None),
        "ex-robot-act-2020": cache / "ex-robot-act-2020.txt",
        "jp-robot-act-en": cache / "jp-robot-act-en.txt",
    }
    files["ex-robot-act-2020"].write_text(ACT_2020, encoding="utf-8")
    files["jp-robot-act-en"].write_text(JP_ACT, encoding="utf-8")
    (root / "sources.toml").write_text(_manifest(files), encoding="utf-8")
    return {
        "GOVQA_INDEX_DIR": str(root / "index"),
        "GOVQA_CACHE_DIR": str(cache),
        "GOVQA_MANIFEST": str(root / "sources.toml"),
    }


def build_app_index(root: Path, embedders: dict[str, Embeddings] | None = None) -> dict[str, str]:
    """The fixture corpus written and ingested under `root` (with the packaged models unless `embedders` are
    given); returns the GOVQA_* environment."""
    env = write_app_corpus(root)
    settings = Settings(index_dir=root / "index", cache_dir=root / "cache", manifest=root / "sources.toml")
    reports = ingest(settings, embedders=embedders)
    assert all(r.state == "ingested" for r in reports), reports
    return env


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return build_app_index(tmp_path_factory.mktemp("app"), keyword_models(Settings()))


def new_app(models: bool = False) -> AppTest:
    """The app under AppTest, with the keyword-count embedders unless `models` (the packaged ones)."""
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    if not models:
        at.session_state["embedder_factory"] = keyword_models
    return at


def _app(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], *, models: bool = False, **extra: str) -> AppTest:
    for key, value in {**env, **extra}.items():
        monkeypatch.setenv(key, value)
    at = new_app(models)
    at.run()
    assert not at.exception, at.exception
    return at


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def _html(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _turns(at: AppTest) -> list[Turn]:
    return list(at.session_state["turns"])


def test_a_question_gets_a_citation_card(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Asking shows the answer and a card: title, status badge, locator, page, link, highlighted quote."""
    at = _ask(_app(monkeypatch, env), "Who must register a household robot before sale?")
    page = _html(at)
    assert "Examplia Robot Act" in page and "Article 2(1)" in page and "p. 1" in page
    assert "<span class='badge ok'>in force</span>" in page
    assert "https://example.org/robot-act.pdf#page=1" in page
    assert "<mark>" in page and "shall register the robot" in page
    codes = [c.value for c in at.code]
    assert any(c.startswith("Examplia Robot Act, Article 2(1), p. 1 (test fixture).") for c in codes), codes
    assert any(len(c) == 64 and all(ch in "0123456789abcdef" for ch in c) for c in codes)  # sha256 in the details


def test_highlight_is_the_cited_span(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The marked text in the card is exactly the citation's quote (offsets, not a search)."""
    at = _ask(_app(monkeypatch, env), "What fine can the Examplia Robot Office impose?")
    cite = _turns(at)[0].answer.citations[0]
    marked = [m.value.split("<mark>")[1].split("</mark>")[0] for m in at.markdown if "<mark>" in m.value]
    assert " ".join(marked[0].replace("<br>", " ").split()) == " ".join(cite.quote.split())


def test_follow_up_is_searched_in_context(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """A follow-up inherits the provision the first answer cited, and the app says what it searched."""
    at = _ask(_app(monkeypatch, env), "Must a household robot tell people it is a machine?")
    first = _turns(at)[0].answer.citations[0]
    assert first.locator.startswith("Article 3")
    _ask(at, "Does it have exceptions?")
    turns = _turns(at)
    assert turns[1].query == "Does it have exceptions (Examplia Robot Act, Article 3)?"
    assert any(c.value == f"Searched for: “{turns[1].query}”" for c in at.caption)
    assert turns[1].answer.citations[0].locator.startswith("Article 3")  # the inherited provision comes first


def test_what_about_switches_jurisdiction(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """ "What about Japan?" asks the earlier question of Japan's text."""
    at = _ask(_app(monkeypatch, env), "What must a business supplying household robots do in Examplia?")
    _ask(at, "What about Japan?")
    turn = _turns(at)[1]
    assert "Japan" in turn.query and "Examplia" not in turn.query
    assert turn.answer.citations and turn.answer.citations[0].doc_id == "jp-robot-act-en"
    assert "translation without legal effect" in _html(at)


@pytest.mark.parametrize(
    ("mode", "question", "check"),
    [
        ("ask", "Who must register a household robot?", lambda a: a.citations and not a.verdict),
        (
            "claim",
            "A provider who fails to register a household robot may be fined up to 5,000 credits.",
            lambda a: a.mode == "claim" and a.citations,
        ),
        (
            "applies",
            "We sell household robots in Examplia. Does the Examplia Robot Act apply to us?",
            lambda a: a.mode == "applies" and "not legal advice" in a.text,
        ),
        (
            "compare",
            "Compare the duties of robot businesses in Examplia and Japan",
            lambda a: {c.doc_id for c in a.citations} >= {"ex-robot-act-2027", "jp-robot-act-en"},
        ),
        (
            "quote",
            "Quote Article 3 of the Examplia Robot Act",
            lambda a: a.citations[0].locator.startswith("Article 3"),
        ),
    ],
)
def test_each_mode(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], mode: str, question: str, check) -> None:
    """Each sidebar mode reaches the answerer and renders its answer."""
    at = _app(monkeypatch, env)
    at.radio(key="mode").set_value(mode).run()
    _ask(at, question)
    answer = _turns(at)[0].answer
    assert answer.mode == mode and not answer.refused and check(answer), answer.text
    if mode == "claim" and answer.verdict:
        assert any("Verdict" in i.value for i in at.info)


@pytest.mark.parametrize(
    ("mode", "question"),
    [
        ("ask", "Who must register a household robot?"),
        ("claim", "A provider who fails to register a household robot may be fined up to 5,000 credits."),
        ("applies", "We sell household robots in Examplia. Does the Examplia Robot Act apply to us?"),
        ("compare", "Compare the duties of robot businesses in Examplia and Japan"),
        ("quote", "Quote Article 3 of the Examplia Robot Act"),
    ],
)
def test_the_short_answer_comes_before_the_sources(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], mode: str, question: str
) -> None:
    """In every mode the short answer, ending in a citation marker, is rendered above the sources."""
    at = _app(monkeypatch, env)
    at.radio(key="mode").set_value(mode).run()
    _ask(at, question)
    short = _turns(at)[0].answer.short_answer
    assert short and short.rstrip("。").endswith("]"), short
    page = _html(at)
    assert "class='short-answer'" in page and "class='sources-title'" in page
    assert page.index("class='short-answer'") < page.index("class='sources-title'")


def test_jurisdiction_filter_restricts_the_sources(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """With Japan chosen, a question about robots cites only Japan's text."""
    at = _app(monkeypatch, env)
    at.multiselect[0].set_value(["JP"]).run()
    _ask(at, "What must businesses supplying household robots do?")
    turn = _turns(at)[0]
    assert turn.filters == {"jurisdictions": ["JP"], "documents": [], "include_superseded": False}
    assert {c.doc_id for c in turn.answer.citations} == {"jp-robot-act-en"}


def test_document_filter_restricts_the_sources(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """With one document chosen, every citation comes from it."""
    at = _app(monkeypatch, env)
    at.multiselect[1].set_value(["ex-robot-act-2027"]).run()
    _ask(at, "What must household robot businesses do?")  # unfiltered, Japan's act is cited first
    answer = _turns(at)[0].answer
    assert answer.citations and {c.doc_id for c in answer.citations} == {"ex-robot-act-2027"}


def test_superseded_texts_only_when_included(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The superseded 2020 act is searched only when the sidebar includes superseded texts."""
    question = "Must an owner notify the Robot Office by registered letter within ten days?"
    at = _ask(_app(monkeypatch, env), question)
    assert "ex-robot-act-2020" not in {c.doc_id for c in _turns(at)[0].answer.citations}
    at = _app(monkeypatch, env)
    at.checkbox[0].check().run()
    _ask(at, question)
    answer = _turns(at)[0].answer
    assert not answer.refused and answer.citations[0].doc_id == "ex-robot-act-2020"
    assert "<span class='badge old'>superseded</span>" in _html(at)


def test_source_viewer_opens_the_provision_and_page(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """ "Open in source" shows the whole article with the quote marked and the PDF page as an image."""
    at = _ask(_app(monkeypatch, env), "What fine can the Examplia Robot Office impose?")
    at.toggle[0].set_value(True).run()
    assert not at.exception, at.exception
    full = [m.value for m in at.markdown if "class='fulltext'" in m.value]
    assert full and "Article 2" in full[0] and "(1) A provider" in full[0] and "(2) The Examplia" in full[0]
    assert "<mark>" in full[0]
    images = at.get("image")
    assert images, "the PDF page image is missing"
    caption = images[0].proto.imgs[0].caption
    assert caption.startswith("Examplia Robot Act, p. ") and "could not be located" not in caption


def test_export_carries_the_conversation(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """After two turns the sidebar offers Markdown and JSON downloads of the whole conversation."""
    at = _ask(_app(monkeypatch, env), "Who must register a household robot before sale?")
    _ask(at, "and what are the penalties?")
    turns = _turns(at)
    assert len(turns) == 2 and at.get("download_button")
    data = json.loads(conversation_json(turns))
    assert [t["question"] for t in data["turns"]] == [
        "Who must register a household robot before sale?",
        "and what are the penalties?",
    ]
    assert data["turns"][1]["searched_for"] != "and what are the penalties?"
    assert data["turns"][0]["citations"][0]["page"] == 1
    md = conversation_markdown(turns)
    assert "## 2. and what are the penalties?" in md and "sha256 `" in md


def test_refusal_shows_closest_passages(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """A question about something the corpus never mentions is refused, with passages marked as not answering."""
    at = _ask(_app(monkeypatch, env), "What does Canada's AIDA say about fines?")
    assert [w.value for w in at.warning] == [REFUSAL]
    assert any(c.value.startswith("Not answered: the corpus never mentions") for c in at.caption), at.caption
    assert "do not answer the question" in _html(at) and "does not answer" in _html(at)


def test_example_question_is_asked_on_click(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The start page offers example questions; clicking one asks it and the examples give way to the chat."""
    at = _app(monkeypatch, env)
    label = at.button(key="example-1").label
    at.button(key="example-1").click().run()
    assert not at.exception, at.exception
    assert [t.question for t in _turns(at)] == [label]
    assert not [b for b in at.button if b.key and b.key.startswith("example-")]


def test_empty_question_is_an_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """A blank question shows the QuestionError message."""
    at = _ask(_app(monkeypatch, env), "   ")
    assert at.error and "question is empty" in at.error[0].value
    assert not at.session_state["turns"]


def test_notice_and_engine_are_shown(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The sidebar names the configured engine; when the LLM server is unreachable the answer is the
    extractive one and its notice says so."""
    at = _app(
        monkeypatch,
        env,
        GOVQA_LLM__BACKEND="openai",
        GOVQA_LLM__BASE_URL="http://127.0.0.1:9/v1",
        GOVQA_LLM__MODEL="m",
        GOVQA_LLM__TIMEOUT_S="5",
    )
    assert "Remote LLM" in _html(at)
    _ask(at, "Who must register a household robot before sale?")
    assert any("did not answer" in i.value and "extractive answer" in i.value for i in at.info), at.info
    assert "Article 2(1)" in _html(at)
    for key in ("GOVQA_LLM__BACKEND", "GOVQA_LLM__BASE_URL", "GOVQA_LLM__MODEL"):
        monkeypatch.delenv(key)
    assert "Extractive" in _html(_app(monkeypatch, env))


def test_an_llm_that_cannot_start_leaves_the_extractive_engine(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    """A local model file that does not exist: a warning says why, and questions are answered extractively."""
    at = _app(monkeypatch, env, GOVQA_LLM__BACKEND="llamacpp", GOVQA_LLM__MODEL_PATH="/nonexistent/model.gguf")
    assert any("could not start" in w.value and "/nonexistent/model.gguf" in w.value for w in at.warning)
    assert "Extractive" in _html(at)
    assert "Article 2(1)" in _html(_ask(at, "Who must register a household robot before sale?"))


def test_library_lists_the_corpus_and_ingest_state(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The Library page lists every manifest document with its status and passage count."""
    at = _app(monkeypatch, env)
    at.switch_page("pages/library.py").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert set(table["document"]) == {"Examplia Robot Act", "Examplia Robot Act 2020", "Japan Robot Promotion Act (EN)"}
    assert table["indexed"].all() and (table["chunks"] > 0).all()
    assert "superseded" in set(table["status"])
    assert [m.value for m in at.metric][:2] == ["3", "3"]


def test_missing_index_says_how_to_build_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With no index, the app names the command that builds one instead of failing."""
    monkeypatch.setenv("GOVQA_INDEX_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("GOVQA_CACHE_DIR", str(tmp_path / "cache"))
    at = new_app()
    at.run()
    assert not at.exception
    assert at.error and "No index yet" in at.error[0].value
    assert any("govqa ingest --mirror" in i.value and "make run" in i.value for i in at.info)


def test_build_button_ingests_the_mirror(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With no index but a corpus mirror, a button builds the index and the chat appears."""
    env = write_app_corpus(tmp_path, folder="mirror")
    monkeypatch.setenv("GOVQA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("GOVQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GOVQA_MANIFEST", env["GOVQA_MANIFEST"])
    monkeypatch.setenv("GOVQA_CORPUS_MIRROR", str(tmp_path / "mirror"))
    at = new_app()
    at.run()
    assert at.error and "No index yet" in at.error[0].value
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.chat_input, "the chat did not appear after the index was built"
    assert (tmp_path / "cache" / "ex-robot-act-2027.pdf").is_file()


@pytest.mark.slow
def test_index_mismatch_is_an_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """An index built with other models is reported with the fix, as st.error (the packaged models load)."""
    at = _app(monkeypatch, env, models=True, GOVQA_EMBEDDING__MODEL_NAME="another-model")
    assert at.error and "govqa ingest --rebuild" in at.error[0].value


def test_check_an_article_marks_each_checked_sentence(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The "Check an article" page runs claim mode on each checkable sentence, marks it by verdict, leaves
    questions and opinion unmarked, shows markup from the article as text, and exports JSON of the claims."""
    at = _app(monkeypatch, env)
    at.switch_page("pages/check.py").run()
    article = (
        "The Examplia Robot Act lets the Robot Office fine a provider who fails to register a household robot. "
        "<b>We think</b> it is fair. Is it enough?"
    )
    at.text_area(key="article_text").set_value(article).run()
    next(b for b in at.button if b.label == "Check the article").click().run()
    assert not at.exception, at.exception
    result = at.session_state["article_check"]
    assert [c.claim for c in result.claims] == [
        "The Examplia Robot Act lets the Robot Office fine a provider who fails to register a household robot."
    ]
    page = _html(at)
    assert "claim-mark" in page and "&lt;b&gt;We think&lt;/b&gt;" in page and "<b>We think</b>" not in page
    assert set(result.to_json()["claims"][0]) == {"sentence", "claim", "verdict", "short_answer", "citations"}
