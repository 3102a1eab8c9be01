"""Law XML → SourceText: e-Gov (Japanese), JLT (English), MOLEG (English and Korean), hostile XML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govqa.documents.chunking import chunk_sections
from govqa.documents.locators import kanji_to_int
from govqa.documents.parsing.lawxml import kanji_number, parse_law_xml
from govqa.documents.profiles import Profile
from govqa.errors import UnreadableDocumentError
from govqa.records import Document, SourceText

EGOV_JA = """<?xml version="1.0" encoding="UTF-8"?>
<Law Era="Reiwa" Lang="ja" LawType="Act" Num="99" Year="09">
<LawNum>令和九年法律第九十九号</LawNum>
<LawBody>
<LawTitle>ロボット安全推進法</LawTitle>
<MainProvision>
<Chapter Num="1"><ChapterTitle>第一章　総則</ChapterTitle>
<Article Num="1"><ArticleCaption>（目的）</ArticleCaption><ArticleTitle>第一条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律は、ロボットの安全を確保することを目的とする。</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="3"><ArticleCaption>（検査）</ArticleCaption><ArticleTitle>第三条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>事業者は、ロボットの検査を行わなければならない。</Sentence></ParagraphSentence></Paragraph>
<Paragraph Num="2"><ParagraphNum>２</ParagraphNum><ParagraphSentence><Sentence>検査の結果は、登録簿に記録する。</Sentence></ParagraphSentence>
<Item Num="1"><ItemTitle>一</ItemTitle><ItemSentence><Sentence>検査の日付</Sentence></ItemSentence></Item>
<Item Num="2"><ItemTitle>二</ItemTitle><ItemSentence><Sentence>検査をした者の氏名</Sentence></ItemSentence></Item>
</Paragraph>
</Article>
</Chapter>
</MainProvision>
<SupplProvision><SupplProvisionLabel>附　則</SupplProvisionLabel>
<Article Num="1"><ArticleCaption>（施行期日）</ArticleCaption><ArticleTitle>第一条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律は、公布の日から施行する。</Sentence></ParagraphSentence></Paragraph>
</Article>
</SupplProvision>
<SupplProvision AmendLawNum="令和十年法律第一号"><SupplProvisionLabel>附　則</SupplProvisionLabel>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律は、令和十一年四月一日から施行する。</Sentence></ParagraphSentence></Paragraph>
</SupplProvision>
</LawBody>
</Law>
"""

JLT_EN = """<?xml version="1.0" encoding="UTF-8"?>
<Law Lang="en"><LawNum>Act No. 99 of 2027</LawNum><LawBody><LawTitle>Robot Safety Promotion Act</LawTitle>
<MainProvision><Chapter Num="1"><ChapterTitle>Chapter I General Provisions</ChapterTitle>
<Article Num="1"><ArticleCaption>(Purpose)</ArticleCaption><ArticleTitle>Article 1</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>The purpose of this Act is to ensure the safety of robots.</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="3"><ArticleCaption>(Inspection)</ArticleCaption><ArticleTitle>Article 3</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>A business operator must inspect its robots.</Sentence></ParagraphSentence></Paragraph>
<Paragraph Num="2"><ParagraphNum>(2)</ParagraphNum><ParagraphSentence><Sentence>The results of the inspection are recorded in the registry:</Sentence></ParagraphSentence>
<Item Num="1"><ItemTitle>(i)</ItemTitle><ItemSentence><Sentence>the date of the inspection; and</Sentence></ItemSentence></Item>
<Item Num="2"><ItemTitle>(ii)</ItemTitle><ItemSentence><Sentence>the name of the inspector.</Sentence></ItemSentence></Item>
</Paragraph>
</Article></Chapter></MainProvision>
<SupplProvision><SupplProvisionLabel>Supplementary Provisions</SupplProvisionLabel>
<Article Num="1"><ArticleCaption>(Effective Date)</ArticleCaption><ArticleTitle>Article 1</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>This Act comes into effect on the day of promulgation.</Sentence></ParagraphSentence></Paragraph>
</Article>
</SupplProvision></LawBody></Law>
"""

MOLEG_EN = """<?xml version="1.0" encoding="UTF-8"?>
<Law><InfSection><lsNmEng>FRAMEWORK ACT ON ROBOT SAFETY</lsNmEng></InfSection>
<JoSection>
<Jo><joNo>0000</joNo><joBrNo>00</joBrNo><joYn>N</joYn><joCts><![CDATA[CHAPTER I GENERAL PROVISIONS]]></joCts></Jo>
<Jo><joNo>0001</joNo><joBrNo>00</joBrNo><joYn>Y</joYn><joTtl>Purpose</joTtl><joCts><![CDATA[Article 1 (Purpose)
The purpose of this Act is to keep robots safe.]]></joCts></Jo>
<Jo><joNo>0002</joNo><joBrNo>00</joBrNo><joYn>Y</joYn><joTtl>Inspections</joTtl><joCts><![CDATA[Article 2 (Inspections)
(1) Every operator shall inspect its robots each year.
(2) The Minister shall keep a registry of inspections.]]></joCts></Jo>
<Jo><joNo>0002</joNo><joBrNo>02</joBrNo><joYn>Y</joYn><joTtl>Fees</joTtl><joCts><![CDATA[Article 2-2 (Fees)
An operator shall pay an inspection fee.]]></joCts></Jo>
<Jo><joNo>0003</joNo><joBrNo>00</joBrNo><joYn>Y</joYn><joTtl>Labels (including notices)</joTtl><joCts><![CDATA[Article 3 (Labels (including notices)) (1) An operator shall label each robot.
(2) The label shall state the name of the operator.]]></joCts></Jo>
<Jo><joNo>0004</joNo><joBrNo>00</joBrNo><joYn>Y</joYn><joTtl>Exceptions</joTtl><joCts><![CDATA[Article 4 (Exceptions) Paragraph (1) of Article 3 does not apply to toys (1) to (3) listed by the Minister.]]></joCts></Jo>
</JoSection>
<ArSection><Ar><arAncNo>99999</arAncNo><arCts><![CDATA[ADDENDA
This Act shall enter into force one year after promulgation.]]></arCts></Ar></ArSection>
</Law>
"""

MOLEG_KO = """<?xml version="1.0" encoding="UTF-8"?>
<법령><기본정보><법령명_한글>로봇안전 기본법</법령명_한글></기본정보>
<조문>
<조문단위><조문번호>1</조문번호><조문여부>전문</조문여부><조문내용>제1장 총칙</조문내용></조문단위>
<조문단위><조문번호>1</조문번호><조문여부>조문</조문여부><조문제목>목적</조문제목><조문내용>제1조(목적) 이 법은 로봇의 안전을 확보함을 목적으로 한다.</조문내용></조문단위>
<조문단위><조문번호>2</조문번호><조문여부>조문</조문여부><조문제목>검사</조문제목><조문내용>제2조(검사)</조문내용>
<항><항번호>①</항번호><항내용>① 운영자는 매년 로봇을 검사하여야 한다.</항내용></항>
<항><항번호>②</항번호><항내용>② 장관은 검사 등록부를 관리한다.</항내용><호><호번호>1.</호번호><호내용>1. 검사 일자</호내용></호></항>
</조문단위>
</조문>
<부칙><부칙단위><부칙공포번호>99999</부칙공포번호><부칙내용><![CDATA[부칙
이 법은 공포 후 1년이 경과한 날부터 시행한다.]]></부칙내용></부칙단위></부칙>
</법령>
"""


def _parse(tmp_path: Path, xml: str, language: str = "en", name: str = "law.xml") -> SourceText:
    path = tmp_path / name
    path.write_text(xml, encoding="utf-8")
    doc = Document(id="law", title="law", short_title="law", file=name, language=language, format="xml")
    return parse_law_xml(path, doc, Profile("jp-law-xml"))


def _section_texts(source: SourceText) -> dict[str, str]:
    return {s.locator: source.text[s.start : s.end] for s in source.sections}


def _block_locators(source: SourceText) -> dict[str, list[str]]:
    return {s.locator: [b[0] for b in s.blocks] for s in source.sections}


# ---------------------------------------------------------------- e-Gov / JLT


def test_egov_japanese_articles_and_locators(tmp_path: Path) -> None:
    """e-Gov XML yields the title, one section per 条 and 附則 sections, with Japanese locators."""
    source = _parse(tmp_path, EGOV_JA, "ja")
    assert source.language == "ja"
    assert [s.locator for s in source.sections] == [
        "題名",
        "第一条",
        "第三条",
        "附 則第一条",
        "附 則（令和十年法律第一号）第一項",
    ]
    assert _block_locators(source)["第三条"] == ["第一項", "第二項"]


def test_egov_heading_paths_carry_chapter_and_caption(tmp_path: Path) -> None:
    """An article's heading path is its chapter title, then its number with caption."""
    paths = {s.locator: s.heading_path for s in _parse(tmp_path, EGOV_JA, "ja").sections}
    assert paths["第三条"] == ("第一章 総則", "第三条 （検査）")
    assert paths["附 則第一条"] == ("附 則", "第一条 （施行期日）")


def test_egov_paragraph_blocks_hold_their_items(tmp_path: Path) -> None:
    """第三条第二項 holds its sentence and both items; 第一項 holds only the first sentence."""
    source = _parse(tmp_path, EGOV_JA, "ja")
    art3 = next(s for s in source.sections if s.locator == "第三条")
    blocks = {sfx: source.text[a:b] for sfx, a, b in art3.blocks}
    assert blocks["第一項"].strip() == "事業者は、ロボットの検査を行わなければならない。"
    assert "検査の結果は、登録簿に記録する。" in blocks["第二項"]
    assert "一　検査の日付" in blocks["第二項"] and "二　検査をした者の氏名" in blocks["第二項"]


def test_egov_chunks_get_paragraph_locators(tmp_path: Path) -> None:
    """Chunking the e-Gov text names paragraphs the Japanese way: 第三条第二項."""
    source = _parse(tmp_path, EGOV_JA, "ja")
    locators = [c.locator for c in chunk_sections(source, source.sections, min_chars=0)]
    assert "第三条第一項" in locators and "第三条第二項" in locators


def test_jlt_english_articles_and_locators(tmp_path: Path) -> None:
    """JLT (English) XML uses "Article 3" with "(2)" blocks and names supplementary provisions."""
    source = _parse(tmp_path, JLT_EN)
    assert source.language == "en"
    assert [s.locator for s in source.sections] == [
        "Title",
        "Article 1",
        "Article 3",
        "Supplementary Provisions, Article 1",
    ]
    assert _block_locators(source)["Article 3"] == ["(1)", "(2)"]
    locators = [c.locator for c in chunk_sections(source, source.sections, min_chars=0)]
    assert "Article 3(2)" in locators


def test_jlt_items_stay_inside_their_paragraph(tmp_path: Path) -> None:
    """Items "(i)", "(ii)" are lines of paragraph (2), not separate units."""
    source = _parse(tmp_path, JLT_EN)
    art3 = next(s for s in source.sections if s.locator == "Article 3")
    second = next(source.text[a:b] for sfx, a, b in art3.blocks if sfx == "(2)")
    assert "(i) the date of the inspection; and" in second
    assert "(ii) the name of the inspector." in second


def test_single_paragraph_articles_have_no_blocks(tmp_path: Path) -> None:
    """An article with one paragraph is cited as the article alone, without "(1)"."""
    assert _block_locators(_parse(tmp_path, JLT_EN))["Article 1"] == []


# ---------------------------------------------------------------- MOLEG


def test_moleg_english_articles_branches_and_addenda(tmp_path: Path) -> None:
    """MOLEG English: chapter rows only name the path; branch articles read "Article 2-2"; addenda are separate."""
    source = _parse(tmp_path, MOLEG_EN)
    assert [s.locator for s in source.sections] == [
        "Title",
        "Article 1",
        "Article 2",
        "Article 2-2",
        "Article 3",
        "Article 4",
        "Addenda (Act No. 99999)",
    ]
    paths = {s.locator: s.heading_path for s in source.sections}
    assert paths["Article 2"] == ("CHAPTER I GENERAL PROVISIONS", "Article 2 (Inspections)")
    assert _block_locators(source)["Article 2"] == ["(1)", "(2)"]


def test_moleg_english_paragraph_one_on_the_heading_line(tmp_path: Path) -> None:
    """MOLEG prints "(1)" on the article's heading line: it still opens block (1); a "(1)" inside prose does not."""
    source = _parse(tmp_path, MOLEG_EN)
    art3 = next(s for s in source.sections if s.locator == "Article 3")
    blocks = {sfx: source.text[a:b] for sfx, a, b in art3.blocks}
    assert list(blocks) == ["(1)", "(2)"]
    assert blocks["(1)"].strip() == "(1) An operator shall label each robot."
    assert _block_locators(source)["Article 4"] == []
    locators = [c.locator for c in chunk_sections(source, source.sections, min_chars=0)]
    assert "Article 3(1)" in locators and "Article 3(2)" in locators


def test_moleg_korean_articles_and_paragraphs(tmp_path: Path) -> None:
    """MOLEG Korean: 제2조 with paragraphs ①② as 제1항/제2항, chunked as 제2조제1항."""
    source = _parse(tmp_path, MOLEG_KO, "ko")
    assert source.language == "ko"
    assert [s.locator for s in source.sections] == ["제명", "제1조", "제2조", "부칙 (제99999호)"]
    assert _block_locators(source)["제2조"] == ["제1항", "제2항"]
    paths = {s.locator: s.heading_path for s in source.sections}
    assert paths["제2조"] == ("제1장 총칙", "제2조(검사)")
    locators = [c.locator for c in chunk_sections(source, source.sections, min_chars=0)]
    assert "제2조제1항" in locators and "제2조제2항" in locators


@pytest.mark.parametrize(("xml", "language"), [(EGOV_JA, "ja"), (JLT_EN, "en"), (MOLEG_EN, "en"), (MOLEG_KO, "ko")])
def test_sections_and_blocks_are_verbatim_slices(tmp_path: Path, xml: str, language: str) -> None:
    """Every section and block is a slice of the text, blocks lie inside their section, sections don't overlap."""
    source = _parse(tmp_path, xml, language)
    previous_end = 0
    for section in source.sections:
        assert 0 <= previous_end <= section.start < section.end <= len(source.text)
        body = source.text[section.start : section.end]
        assert body.strip(), section.locator
        for _, a, b in section.blocks:
            assert section.start <= a < b <= section.end
        previous_end = section.end
    for chunk in chunk_sections(source, source.sections, min_chars=0):
        assert source.text[chunk.char_start : chunk.char_end] == chunk.text


@pytest.mark.parametrize(
    ("xml", "sentence"),
    [
        (EGOV_JA, "この法律は、ロボットの安全を確保することを目的とする。"),
        (JLT_EN, "The results of the inspection are recorded in the registry:"),
        (MOLEG_EN, "(2) The Minister shall keep a registry of inspections."),
        (MOLEG_KO, "② 장관은 검사 등록부를 관리한다."),
    ],
)
def test_sentences_appear_unchanged(tmp_path: Path, xml: str, sentence: str) -> None:
    """The XML's sentences appear in the text exactly as written."""
    assert sentence in _parse(tmp_path, xml).text


# ---------------------------------------------------------------- hostile or broken XML


@pytest.mark.parametrize(
    "xml",
    [
        "<Law><LawBody><LawTitle>unclosed",
        "not xml at all",
        "",
        "<?xml version='1.0'?><Law Lang='en'><LawBody></Law>",
    ],
    ids=["unclosed", "text", "empty", "mismatched-tags"],
)
def test_malformed_xml_raises_naming_the_file(tmp_path: Path, xml: str) -> None:
    """Malformed XML is an UnreadableDocumentError whose message names the file."""
    with pytest.raises(UnreadableDocumentError, match=r"broken-law\.xml"):
        _parse(tmp_path, xml, name="broken-law.xml")


@pytest.mark.parametrize(
    "xml",
    [
        "<?xml version='1.0'?><Statute><Title>x</Title></Statute>",
        "<Law Lang='en'><LawBody><LawTitle>T</LawTitle></LawBody></Law>",
    ],
    ids=["unknown-root", "no-articles"],
)
def test_well_formed_but_unknown_xml_is_refused(tmp_path: Path, xml: str) -> None:
    """XML of an unknown shape, or a law without articles, is unreadable (not an empty document)."""
    with pytest.raises(UnreadableDocumentError, match=r"other-law\.xml"):
        _parse(tmp_path, xml, name="other-law.xml")


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    """An XXE entity pointing at a local file raises, and the file's contents appear nowhere."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER-4711", encoding="utf-8")
    xml = f"""<?xml version="1.0"?>
<!DOCTYPE Law [<!ENTITY e SYSTEM "{secret.as_uri()}">]>
<Law Lang="en"><LawNum>No. 1</LawNum><LawBody><LawTitle>T &e;</LawTitle><MainProvision>
<Article Num="1"><ArticleTitle>Article 1</ArticleTitle><Paragraph Num="1"><ParagraphNum/>
<ParagraphSentence><Sentence>Text &e; here.</Sentence></ParagraphSentence></Paragraph></Article>
</MainProvision></LawBody></Law>"""
    with pytest.raises(UnreadableDocumentError) as info:
        _parse(tmp_path, xml, name="xxe.xml")
    assert "TOP-SECRET-MARKER-4711" not in str(info.value)
    assert "xxe.xml" in str(info.value)


def test_external_parameter_entities_are_not_loaded(tmp_path: Path) -> None:
    """A parameter entity naming a local file is not loaded: parsing goes on without its contents."""
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOP-SECRET-MARKER-4712">', encoding="utf-8")
    xml = f"""<?xml version="1.0"?>
<!DOCTYPE Law [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>
<Law Lang="en"><LawNum>No. 1</LawNum><LawBody><LawTitle>T</LawTitle><MainProvision>
<Article Num="1"><ArticleTitle>Article 1</ArticleTitle><Paragraph Num="1"><ParagraphNum/>
<ParagraphSentence><Sentence>Plain text.</Sentence></ParagraphSentence></Paragraph></Article>
</MainProvision></LawBody></Law>"""
    try:
        source = _parse(tmp_path, xml, name="param.xml")
    except UnreadableDocumentError as exc:
        assert "TOP-SECRET-MARKER-4712" not in str(exc)
    else:
        assert "TOP-SECRET-MARKER-4712" not in source.text


def test_billion_laughs_does_not_expand(tmp_path: Path) -> None:
    """Nested entity definitions neither blow up memory nor expand: the parse fails fast or keeps them unexpanded."""
    defs = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    xml = f"""<?xml version="1.0"?>
<!DOCTYPE Law [{defs}]>
<Law Lang="en"><LawNum>No. 1</LawNum><LawBody><LawTitle>T</LawTitle><MainProvision>
<Article Num="1"><ArticleTitle>Article 1</ArticleTitle><Paragraph Num="1"><ParagraphNum/>
<ParagraphSentence><Sentence>&lol9;</Sentence></ParagraphSentence></Paragraph></Article>
</MainProvision></LawBody></Law>"""
    started = time.perf_counter()
    try:
        source = _parse(tmp_path, xml, name="laughs.xml")
    except UnreadableDocumentError as exc:
        assert "laughs.xml" in str(exc)
    else:
        assert source.text.count("lol") < 100
    assert time.perf_counter() - started < 5


# ---------------------------------------------------------------- numerals


@pytest.mark.parametrize(("n", "kanji"), [(1, "一"), (10, "十"), (24, "二十四"), (105, "百五"), (1234, "千二百三十四")])
def test_kanji_number(n: int, kanji: str) -> None:
    """Article numbers are written the way Japanese statutes write them."""
    assert kanji_number(n) == kanji


@settings(database=None, max_examples=200)
@given(st.integers(min_value=1, max_value=9999))
def test_kanji_numbers_read_back(n: int) -> None:
    """The locator reader turns every kanji numeral the parser writes back into its number."""
    assert kanji_to_int(kanji_number(n)) == n
