"""Which documents a question names (aliases, then jurisdiction words) and which language it wants."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.errors import ConfigError
from govqa.records import Document
from govqa.search.routing import Glossary, Router, preferred_language, question_language
from govqa.settings import PROJECT_ROOT
from govqa.text import fold, tokenize

DOCS = [
    Document(
        id="eu-act",
        title="EU Artificial Intelligence Act",
        short_title="EU AI Act",
        aliases=("AI Act", "Artificial Intelligence Act"),
        jurisdiction="EU",
    ),
    Document(
        id="jp-act-en",
        title="Japan AI Promotion Act (English)",
        short_title="Japan AI Promotion Act (EN)",
        aliases=("Japanese AI Act", "AI Promotion Act", "AI推進法"),
        jurisdiction="JP",
    ),
    Document(
        id="jp-act-ja",
        title="人工知能関連技術の研究開発及び活用の推進に関する法律",
        short_title="AI推進法（原文）",
        aliases=("AI推進法", "Japanese AI Act"),
        jurisdiction="JP",
        language="ja",
    ),
    Document(
        id="jp-guidelines",
        title="AI Guidelines for Business",
        short_title="AI Guidelines for Business",
        jurisdiction="JP",
    ),
    Document(id="kr-act", title="Framework Act on AI", short_title="Korea AI Basic Act", jurisdiction="KR"),
]
WORDS = {"EU": ("EU", "European Union"), "JP": ("Japan", "Japanese", "日本"), "KR": ("Korea", "Korean", "한국")}


@pytest.fixture
def router() -> Router:
    return Router(DOCS, WORDS)


@pytest.mark.parametrize(
    ("question", "doc_ids"),
    [
        ("What does the AI Act say about deepfakes?", {"eu-act"}),
        ("What does the Japanese AI Act require of businesses?", {"jp-act-en", "jp-act-ja"}),
        ("AI推進法の目的は？", {"jp-act-en", "jp-act-ja"}),
        ("ＡＩ推進法の基本理念", {"jp-act-en", "jp-act-ja"}),
        ("the   ai\nact and fines", {"eu-act"}),
        ("Compare the AI Act with the AI Promotion Act.", {"eu-act", "jp-act-en"}),
        ("What is in the Korea AI Basic Act?", {"kr-act"}),
    ],
)
def test_aliases_route_to_their_documents(router: Router, question: str, doc_ids: set[str]) -> None:
    """A short title or alias in the question (any case, spacing or width) routes to its documents."""
    route = router.route(question)
    assert route.by == "alias"
    assert set(route.doc_ids) == doc_ids


def test_longest_alias_wins(router: Router) -> None:
    """ "Japanese AI Act" contains "AI Act", but only the longer alias counts."""
    route = router.route("Under the Japanese AI Act, who must cooperate?")
    assert "eu-act" not in route.doc_ids
    assert route.terms == ("Japanese AI Act",)


@pytest.mark.parametrize("question", ["Who are AI Actors?", "reAI Act", "What is an AI system?"])
def test_aliases_match_whole_words_only(router: Router, question: str) -> None:
    """An alias inside a longer word does not route."""
    assert router.route(question).doc_ids == ()


@pytest.mark.parametrize(
    ("question", "code", "doc_ids"),
    [
        ("How does Korea regulate AI?", "KR", ("kr-act",)),
        ("What do Japanese rules say about AI?", "JP", ("jp-act-en", "jp-act-ja", "jp-guidelines")),
        ("日本のAI規制は？", "JP", ("jp-act-en", "jp-act-ja", "jp-guidelines")),
        ("한국의 인공지능 법", "KR", ("kr-act",)),
    ],
)
def test_jurisdiction_words_route_when_no_alias(
    router: Router, question: str, code: str, doc_ids: tuple[str, ...]
) -> None:
    """Without an alias, a jurisdiction word routes to every document of that jurisdiction."""
    route = router.route(question)
    assert (route.by, route.terms, route.doc_ids) == ("jurisdiction", (code,), doc_ids)


def test_aliases_take_precedence_over_jurisdiction_words(router: Router) -> None:
    """A question naming a text and a country routes to the text only."""
    route = router.route("Does the AI Act apply to a company from Japan?")
    assert (route.by, route.doc_ids) == ("alias", ("eu-act",))


def test_no_route_for_general_questions(router: Router) -> None:
    """A question naming no text or jurisdiction is not routed."""
    route = router.route("What counts as a high-risk system?")
    assert (route.doc_ids, route.by) == ((), "")


def test_fold_drops_the_middle_dot_between_katakana_words_only() -> None:
    """「ガバナンス・フレームワーク」 and 「ガバナンスフレームワーク」 are one name; a dot between kanji names or
    Latin letters ("中国・韓国") separates two."""
    assert fold("モデルAIガバナンス・フレームワーク") == fold("モデルAIガバナンスフレームワーク")
    assert fold("リスクベース･アプローチ") == fold("リスクベースアプローチ")  # the half-width dot too
    assert fold("中国・韓国") == "中国・韓国" and fold("A・B") == "a・b"


def test_fold() -> None:
    """Normalisation folds width, case and whitespace runs."""
    assert fold("  ＡＩ  Act\n推進 ") == "ai act 推進"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What is an AI system?", "en"),
        ("AIとは何ですか", "ja"),
        ("人工知能関連技術", "ja"),
        ("인공지능이란?", "ko"),
        ("What does 第三条 say?", "ja"),
    ],
)
def test_question_language(question: str, language: str) -> None:
    """The question's script decides its language (kana or kanji → ja, hangul → ko)."""
    assert question_language(question) == language


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Show me the Japanese original of Article 3.", "ja"),
        ("Quote it in Japanese, please.", "ja"),
        ("第三条の英訳を見せて", "en"),
        ("What does Article 3 say in English?", "en"),
        ("Give me the Korean text of Article 2.", "ko"),
        ("第三条の内容は？", "ja"),
        ("What does Article 3 say?", "en"),
    ],
)
def test_preferred_language(question: str, language: str) -> None:
    """An explicit request for a language wins over the question's own language."""
    assert preferred_language(question) == language


def test_glossary_prefers_longer_terms() -> None:
    """Glossary terms found in a question give their English renderings, a longer term hiding the shorter inside it."""
    glossary = Glossary({"個人情報": "personal information", "情報": "information", "同意": "consent"})
    assert glossary.english_terms("個人情報の提供には同意が必要か") == "personal information consent"
    assert glossary.english_terms("What about consent?") == ""


def test_glossary_files(tmp_path: Path) -> None:
    """The shipped glossary loads; a missing file is an empty glossary; broken TOML is a ConfigError naming it."""
    assert Glossary.load(PROJECT_ROOT / "ingest" / "glossary.toml").english_terms("透明性") == "transparency"
    assert Glossary.load(tmp_path / "none.toml").english_terms("透明性") == ""
    (tmp_path / "bad.toml").write_text("[terms\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        Glossary.load(tmp_path / "bad.toml")


@pytest.mark.parametrize(
    ("question", "wording"),
    [
        ("Can consumers sue a company under the act?", "private right of action"),
        ("Are emotion recognition systems allowed in schools?", "education institutions"),
        ("Can police use facial recognition in public?", "law enforcement"),
        ("Can police use facial recognition in public?", "remote biometric identification"),
        ("Must foreign companies appoint a local representative?", "domestic agent"),
    ],
)
def test_everyday_words_gain_the_texts_wording(question: str, wording: str) -> None:
    """The shipped glossary's synonyms add the words laws use for everyday ones (sue, school, police…)."""
    assert wording in Glossary.load(PROJECT_ROOT / "ingest" / "glossary.toml").expansion(question)


def _manifest_router() -> tuple[Router, dict[str, tuple[str, ...]], dict[str, str]]:
    from govqa.corpus import load_manifest
    from govqa.settings import Settings

    manifest = load_manifest(Settings().manifest)
    router = Router(manifest.documents, manifest.jurisdiction_words)
    return router, manifest.jurisdiction_words, {d.id: d.jurisdiction for d in manifest.documents}


_ROUTER, _WORDS, _JURISDICTION = _manifest_router()


@pytest.mark.parametrize(
    ("code", "question"),
    [
        (code, template.format(word=word))
        for code, words in _WORDS.items()
        for word in words
        for template in (
            ["{word}のAI法の目的は何ですか"]
            if not word.isascii()
            else ["What does {word}'s AI Act require?", "{word} AI Act: who must comply?"]
        )
    ],
)
def test_a_jurisdiction_word_keeps_a_generic_name_in_its_jurisdiction(code: str, question: str) -> None:
    """ "Japan's AI Act", "Colorado AI Act", 「日本のAI法」: every jurisdiction of the manifest keeps the question
    within its own texts instead of the text whose alias the generic name happens to be."""
    route = _ROUTER.route(question)
    assert route.doc_ids, question
    assert {_JURISDICTION[d] for d in route.doc_ids} == {code}, (question, route)


def test_a_jurisdiction_word_elsewhere_in_the_question_does_not_reroute() -> None:
    """ "Does the EU AI Act apply to Japanese companies?" is about the EU act: the word is not bound to the name."""
    route = _ROUTER.route("Does the EU AI Act apply to Japanese companies?")
    assert route.by == "alias" and {_JURISDICTION[d] for d in route.doc_ids} == {"EU"}


@pytest.mark.parametrize(
    "question",
    [
        "What does the Hiroshima AI Process Code of Conduct say about watermarking?",
        "広島AIプロセスの行動規範は何を求めていますか？",
    ],
)
def test_the_hiroshima_code_is_not_taken_for_the_guiding_principles(question: str) -> None:
    """ "Hiroshima AI Process" names the guiding principles; "… Process Code of Conduct" names the code."""
    assert _ROUTER.route(question).doc_ids == ("g7-hiroshima-code-of-conduct-2023-en",)


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # a katakana loanword a text held in Japanese would spell so, and that none does
        ("AI推進法はブロックチェーンについて定めていますか？", ("ブロックチェーン",)),
        # a text named by no route: the corpus's Japanese texts are what can be checked
        ("ブロックチェーンの規制はありますか？", ("ブロックチェーン",)),
        # counter-example: the texts pointed at are held only in English, which would spell it in Latin letters
        ("Korea AI Basic Actはモニタリングを求めていますか？", ()),
    ],
)
def test_a_katakana_word_is_unknown_only_where_a_japanese_text_could_spell_it(
    router: Router, question: str, unknown: tuple[str, ...]
) -> None:
    from govqa.search.names import unknown_names

    idf = dict.fromkeys(["ai", "推進", "規制"], 1.0)
    assert unknown_names(question, router, Glossary({}), idf) == unknown


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # a sentence opening with an article: the name after it is a name
        ("The Zorblax Omnibus would defer the duties of Article 6.", ("Zorblax Omnibus",)),
        ("A Zorblax Charter sets fines.", ("Zorblax Charter",)),
        # a sentence opening with any capitalised word: the name after it is a name
        ("At Zorblax Park, ministers signed a declaration.", ("Zorblax Park",)),
        # a sentence-initial owner: its possessive makes it a name ("Zorblax's new robot law")
        ("Zorblax's new robot law requires audits.", ("Zorblax",)),
        ("Zorblax’s ministry told providers to register.", ("Zorblax",)),
        # counter-examples: a sentence-initial word with no article or possessive, and a name the texts carry
        ("Zorblax requires nothing of providers.", ()),
        ("Japan's robot law asks providers to register.", ()),
        ("Under Japan's AI Act, providers register.", ()),
        ("The Commission shall adopt guidelines.", ()),
    ],
)
def test_a_name_after_a_sentence_initial_article_is_read(
    router: Router, question: str, unknown: tuple[str, ...]
) -> None:
    from govqa.search.names import unknown_names

    idf = dict.fromkeys(tokenize("commission duties article providers fines guidelines"), 1.0)
    assert unknown_names(question, router, Glossary({}), idf) == unknown


def test_an_owner_the_manifest_names_is_known() -> None:
    """An owner the manifest's aliases carry ("Robotnik" of "Robotnik robot order") is no unknown name, though no
    indexed text writes it; one it does not carry is."""
    from govqa.search.names import unknown_names

    docs = [*DOCS, Document(id="eo", title="Executive Order 1", short_title="EO 1", aliases=("Robotnik robot order",))]
    idf = dict.fromkeys(tokenize("order banned robot fights"), 1.0)
    assert unknown_names("Robotnik's 2027 order banned robot fights.", Router(docs, WORDS), Glossary({}), idf) == ()
    assert unknown_names("Zorblax's 2027 order banned robot fights.", Router(docs, WORDS), Glossary({}), idf) == (
        "Zorblax",
    )
    # wherever the owner stands, not only at the sentence's start
    for question, unknown in [
        ("The stated aim of Robotnik's order is to ban robot fights.", ()),
        ("The stated aim of Zorblax's order is to ban robot fights.", ("Zorblax",)),
    ]:
        assert unknown_names(question, Router(docs, WORDS), Glossary({}), idf) == unknown


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # a title in 「」 naming an instrument by its kind, whose words no text carries: a text not held
        ("中国の「AI生成合成コンテンツ標識弁法」は表示を義務付ける。", ("AI生成合成コンテンツ標識弁法",)),
        ("「人間中心のAI社会原則」は7つの原則を掲げる。", ("人間中心のAI社会原則",)),
        # counter-examples: another rendering of a held text's title; a quoted phrase that is no title; a title
        # whose words the texts carry
        ("「人工知能関連技術の研究開発及び活用を推進する法律」は罰則を定めない。", ()),
        ("AI推進法は「努めるものとする」という努力義務にとどまる。", ()),
        ("「推進規制法」は罰則を定めない。", ()),
        # whose law a Japanese writer names before の: a place no text carries, not a jurisdiction the library holds
        ("台湾の人工知能基本法は罰則を定めない。", ("台湾",)),
        ("日本のAI推進法は罰則を定めない。", ()),
        ("推進の法律は罰則を定めない。", ()),
    ],
)
def test_a_quoted_japanese_title_no_text_carries_is_unknown(
    router: Router, question: str, unknown: tuple[str, ...]
) -> None:
    """「…弁法」, 「…原則」 quoted: unknown unless it renders a listed text's title or the texts carry its words."""
    from govqa.search.names import unknown_names

    idf = dict.fromkeys(["ai", "推進", "規制", "制法", "推規", "進規", "罰則", "努め", *tokenize("コンテンツ")], 1.0)
    assert unknown_names(question, router, Glossary({}), idf) == unknown


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # loanwords every AI-governance text uses are glossary terms, not names the corpus never mentions
        ("GPAI行動規範の署名事業者は、モデルの利用ポリシーを定め、AIオフィスに報告する。", ()),
        ("署名事業者は、フレームワークを更新する。", ()),
        # counter-example: a loanword for a topic the glossary does not know is still checked
        ("ブロックチェーンの規制はありますか？", ("ブロックチェーン",)),
    ],
)
def test_common_loanwords_are_glossary_terms(router: Router, question: str, unknown: tuple[str, ...]) -> None:
    from govqa.search.names import unknown_names

    glossary = Glossary.load(PROJECT_ROOT / "ingest" / "glossary.toml")
    idf = dict.fromkeys(["ai", "gpai", "規範", "行動", "署名", "事業", "業者", "利用", "報告", "規制"], 1.0)
    assert unknown_names(question, router, glossary, idf) == unknown


@pytest.mark.parametrize(
    ("question", "code"),
    [
        # the kind of place before の binds the generic name as の alone does
        ("コロラド州のAI法は司法長官に執行権限を与えている。", "US-CO"),
        ("コロラドのAI法は司法長官に執行権限を与えている。", "US-CO"),
        # counter-example: the Japanese law's own alias, bound to nothing
        ("AI法は司法長官に執行権限を与えている。", "JP"),
    ],
)
def test_a_japanese_place_word_with_its_kind_of_place_keeps_the_generic_name(question: str, code: str) -> None:
    route = _ROUTER.route(question)
    assert {_JURISDICTION[d] for d in route.doc_ids} == {code}, route


def test_an_alias_whose_first_word_takes_a_possessive() -> None:
    """ "Biden's AI executive order" names the text whose alias is "Biden AI executive order"; "Biden's
    executive order on trade" (another text) does not."""
    docs = [Document(id="eo", title="Executive Order 1", short_title="EO 1", aliases=("Biden AI executive order",))]
    router = Router(docs, {})
    assert router.route("Biden's AI executive order required reports.").doc_ids == ("eo",)
    assert router.route("Biden’s AI executive order required reports.").doc_ids == ("eo",)
    assert router.route("Biden's executive order on trade required reports.").doc_ids == ()
    assert router.route("The Biden AI executive order's reports.").doc_ids == ("eo",)


def test_artificial_intelligence_in_a_name_is_ai_in_news_and_the_reverse() -> None:
    """A title's "Artificial Intelligence" is written "AI" in news ("… Leadership in AI"), and an alias's "AI" may be
    spelt out ("the Robot Artificial Intelligence Act"); other words of the name still have to stand."""
    docs = [
        Document(
            id="eo",
            title="Executive Order 1",
            short_title="EO 1",
            aliases=("Removing Barriers to Robot Leadership in Artificial Intelligence",),
        ),
        Document(id="act", title="Robot AI Act", short_title="Robot AI Act"),
    ]
    router = Router(docs, {})
    assert router.route("The 'Removing Barriers to Robot Leadership in AI' order was signed.").doc_ids == ("eo",)
    assert router.route("The Robot Artificial Intelligence Act bans robots.").doc_ids == ("act",)
    assert router.route("The Robot AI Act bans robots.").doc_ids == ("act",)
    assert router.route("Removing Barriers to Robot Trade in AI was signed.").doc_ids == ()  # counter-example


@pytest.mark.parametrize(
    ("question", "doc_ids"),
    [
        # "the country's AI Act" refers back to Japan named before it: not the EU act whose alias is "AI Act"
        ("Japan's regulators said the country's AI Act has no fines.", ("jp-act-en", "jp-act-ja", "jp-guidelines")),
        # counter-examples: no place named before; the EU act named by its own words
        ("Regulators said the country's AI Act has no fines.", ("eu-act",)),
        ("Japan's regulators compared it with the EU AI Act.", ("eu-act",)),
    ],
)
def test_a_possessive_referring_back_binds_a_generic_name_to_the_place_named_before(
    router: Router, question: str, doc_ids: tuple[str, ...]
) -> None:
    assert router.route(question).doc_ids == doc_ids


def test_a_bills_designation_before_the_number_of_a_held_text_is_no_unknown_name() -> None:
    """ "Colorado's SB 205" names the held act whose alias is "SB24-205"; "SB" is its designation, not a body the
    corpus never mentions. Counter-example: a designation whose number no routed text carries ("SB 53") is
    still looked up, and unknown."""
    from govqa.search.names import unknown_names

    docs = [
        Document(
            id="co", title="Colorado AI Act", short_title="Colorado AI Act", aliases=("SB24-205",), jurisdiction="US-CO"
        )
    ]
    router = Router(docs, {"US-CO": ("Colorado",)})
    idf = dict.fromkeys(["deploy", "must", "notifi"], 1.0)
    assert unknown_names("Under Colorado's SB 205, deployers must notify.", router, Glossary({}), idf) == ()
    assert unknown_names("Under Colorado's SB 53, deployers must notify.", router, Glossary({}), idf) == ("SB",)


@pytest.mark.parametrize(
    ("question", "doc_ids"),
    [
        # news shortens a code of practice or of conduct to "code": "the GPAI code", "the G7 AI code"
        ("The GPAI code asks signatories to publish a summary.", ("gpai",)),
        ("Under the G7 AI code, developers should publish reports.", ("g7",)),
        ("The GPAI Code of Practice asks signatories to publish a summary.", ("gpai",)),
        # counter-examples: "code" with words no alias opens with; a code named by alias needs nothing of this
        ("The AI code asks signatories to publish a summary.", ()),
        ("The company's GPAI policy asks staff to publish a summary.", ()),
    ],
)
def test_a_code_of_practice_is_named_by_its_subject_and_code(question: str, doc_ids: tuple[str, ...]) -> None:
    codes = [
        Document(id="gpai", title="GPAI Code of Practice", short_title="GPAI Code of Practice", jurisdiction="EU"),
        Document(id="g7", title="G7 AI code of conduct", short_title="G7 AI code of conduct", jurisdiction="INTL"),
    ]
    router = Router(codes, {"EU": ("EU",)})
    assert tuple(d for _, _, d in router.named_spans(question)) == doc_ids


_BILLS = [
    Document(
        id="co", title="Colorado AI Act", short_title="Colorado AI Act", aliases=("SB24-205",), jurisdiction="US-CO"
    ),
    Document(id="eo", title="Executive Order 14179", short_title="Executive Order 14179", jurisdiction="US"),
]


@pytest.mark.parametrize(
    ("question", "doc_ids"),
    [
        # a bill or an order cited by its number in another spelling than its alias
        ("Senate Bill 24-205 requires deployers to notify consumers.", ("co",)),
        ("Under S.B. 24-205, deployers must notify consumers.", ("co",)),
        ("Colorado's SB 205 requires deployers to notify consumers.", ("co",)),
        ("Colorado Senate Bill 205 requires deployers to notify consumers.", ("co",)),
        ("Executive Order No. 14179 revoked earlier policies.", ("eo",)),
        ("EO14179 revoked earlier policies.", ("eo",)),
        # counter-examples: a number without its session and without the state (every session has an SB 205),
        # another state's bill, another kind of bill, a longer number
        ("SB 205 requires deployers to notify consumers.", ()),
        ("California's SB 205 requires deployers to notify consumers.", ()),
        ("Colorado's HB 24-205 requires deployers to notify consumers.", ()),
        ("Executive Order 141790 revoked earlier policies.", ()),
    ],
)
def test_a_bill_or_order_is_named_by_its_number_however_its_designation_is_spelled(
    question: str, doc_ids: tuple[str, ...]
) -> None:
    router = Router(_BILLS, {"US-CO": ("Colorado",), "US": ("United States",)})
    assert tuple(d for _, _, d in router.named_spans(question)) == doc_ids


@pytest.mark.parametrize(
    ("question", "code"),
    [
        # a generic name, part of another jurisdiction's alias, in a question naming only that jurisdiction
        ("欧州委員会の指針によれば、そのモデルはAI法のオープンソース例外を受けられない。", "EU"),
        ("コロラド州の司法長官によれば、AI法には罰則がある。", "US-CO"),
        # counter-examples: no place named; the name's own jurisdiction named; English "the AI Act" is the EU's
        ("AI法は罰則を定めていない。", "JP"),
        ("日本のAI法は罰則を定めていない。", "JP"),
        ("Colorado regulators said the AI Act has no fines.", "EU"),
    ],
)
def test_a_generic_name_belongs_to_the_one_place_a_question_names(question: str, code: str) -> None:
    route = _ROUTER.route(question)
    assert {_JURISDICTION[d] for d in route.doc_ids} == {code}, route


def test_guidance_on_a_named_text_brings_the_held_guidelines_on_it() -> None:
    """ "According to Brussels' guidance, … under the AI Act": the held guidelines whose title names the act are
    searched with it. Counter-examples: no word of guidance; a question naming one guideline already; guidelines
    on another text."""
    docs = [
        Document(id="act", title="Robot Act", short_title="Robot Act", aliases=("RA",), jurisdiction="XL"),
        Document(
            id="g1",
            title="Guidelines on robot definitions under the Robot Act",
            short_title="Definition guidelines",
            aliases=("definition guidelines",),
            jurisdiction="XL",
            doc_type="guidelines",
        ),
        Document(
            id="g2",
            title="Guidelines on drones",
            short_title="Drone guidelines",
            jurisdiction="XL",
            doc_type="guidelines",
        ),
    ]
    router = Router(docs, {})
    assert router.route("According to the guidance, robots under the Robot Act must learn.").doc_ids == ("act", "g1")
    assert router.route("Robots under the Robot Act must learn.").doc_ids == ("act",)
    assert router.route("The definition guidelines say robots under the Robot Act learn.").doc_ids == ("act", "g1")


def test_a_chapter_named_as_a_chapter_narrows_a_name_its_code_shares() -> None:
    """ "the robot code's safety chapter" / "the chapter on safety of the Robot Code": the name every chapter
    carries means that chapter. Counter-examples: the code named alone, or "safety" as a topic, keeps every chapter;
    a chapter word of another code narrows nothing."""
    docs = [
        Document(
            id=f"code-{part.lower()}",
            title=f"Robot Code — {part} chapter",
            short_title=f"Robot Code: {part}",
            aliases=("Robot Code",),
            jurisdiction="XL",
            chapter_of="Robot Code",
        )
        for part in ("Safety", "Transparency")
    ] + [Document(id="act", title="Robot Act", short_title="Robot Act", jurisdiction="XL")]
    router = Router(docs, {})
    assert router.route("The Robot Code's safety chapter asks for audits.").doc_ids == ("code-safety",)
    assert router.route("The chapter on transparency of the Robot Code asks for logs.").doc_ids == (
        "code-transparency",
    )
    both = ("code-safety", "code-transparency")
    assert router.route("The Robot Code asks for audits.").doc_ids == both
    assert router.route("The Robot Code asks for safety audits in each chapter.").doc_ids == both
    assert router.route("The Robot Act's safety chapter asks for audits.").doc_ids == ("act",)


def test_a_name_followed_by_another_texts_kind_names_that_text() -> None:
    """ "the Tokyo Process code of conduct": the principles' alias with the word for the other text's kind names
    the code (in routing and in the spans a claim's named texts come from), as does "the Robot Act guidelines on
    safety". Counter-examples: the words of the alias's own names ("the Tokyo Process principles"), words naming
    no kind ("the Robot Act on safety"), and a kind that two texts share ("the Robot Act guidelines") move
    nothing."""
    docs = [
        Document(
            id="principles",
            title="Tokyo Process International Guiding Principles",
            short_title="Tokyo Principles",
            aliases=("Tokyo Process",),
            jurisdiction="XL",
        ),
        Document(
            id="code",
            title="Tokyo Process International Code of Conduct",
            short_title="Tokyo Code of Conduct",
            jurisdiction="XL",
        ),
        Document(id="act", title="Robot Act", short_title="Robot Act", jurisdiction="XL"),
        Document(
            id="g-safety", title="Guidelines on robot safety under the Robot Act", short_title="", jurisdiction="XL"
        ),
        Document(id="g-scope", title="Guidelines on the scope of the Robot Act", short_title="", jurisdiction="XL"),
    ]
    router = Router(docs, {})
    assert router.route("The Tokyo Process code of conduct asks for audits.").doc_ids == ("code",)
    assert router.route("The Tokyo Process code of conduct asks for audits.").named == ("code",)
    assert [s[2] for s in router.named_spans("The Tokyo Process code of conduct asks for audits.")] == ["code"]
    assert router.route("The Robot Act guidelines on safety are not binding.").doc_ids == ("g-safety",)
    assert router.route("The Tokyo Process guiding principles ask for audits.").doc_ids == ("principles",)
    assert router.route("The Robot Act on safety asks for audits.").doc_ids == ("act",)
    assert router.route("The Robot Act guidelines are not binding.").doc_ids == ("act",)
    assert router.route("Compare the Robot Act with the guidelines on safety.").doc_ids == ("act",)


@pytest.mark.parametrize(
    ("question", "names_held", "unknown"),
    [
        # a person named by office, or by their administration, in a question about a held text: who signed or
        # said something, not a text the library lacks
        ("President Zorblax said the AI Promotion Act has no fines.", False, ()),
        ("Prime Minister Zorblax heads the headquarters under the AI Promotion Act.", False, ()),
        ("The Zorblax administration's 2025 order revoked the AI Promotion Act.", True, ()),
        ("ゾルブラックス大統領はAI推進法に署名した。", False, ()),
        # counter-examples: no held text named (the person's own text, unheld); a name with no office
        ("President Zorblax's AI Action Plan cuts red tape.", False, ("Zorblax", "Action Plan")),
        ("The Zorblax Plan under the AI Promotion Act cuts red tape.", False, ("Zorblax Plan",)),
    ],
)
def test_a_person_named_by_office_is_no_unknown_text(
    router: Router, question: str, names_held: bool, unknown: tuple[str, ...]
) -> None:
    from govqa.search.names import unknown_names

    idf = dict.fromkeys(tokenize("ai promotion act fines headquarters plan order red tape"), 1.0)
    assert unknown_names(question, router, Glossary({}), idf, names_held=names_held) == unknown
