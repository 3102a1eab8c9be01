"""Chunk roles: captions first, wording cues second, data in ingest/roles.toml; stored, shown by the CLI.

Every law below is invented for these tests (no corpus text); the real-corpus checks at the end only read
the shared corpus when it is present.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import CORPUS, KeywordEmbedder, fake_embedders, make_settings
from fixture_corpus import build_corpus

from govqa.cli import main
from govqa.corpus import load_manifest
from govqa.documents.reader import build_key, chunk_document
from govqa.documents.roles import ROLES, load_roles, role_counts, roles_of
from govqa.errors import ConfigError
from govqa.index.embedders import expected_model_names
from govqa.index.pipeline import ingest, open_store
from govqa.index.store import chunk_from_record, chunk_metadata
from govqa.records import Chunk, Document
from govqa.search.captions import Captions
from govqa.settings import PROJECT_ROOT, ChunkingSettings, Settings

ROLES_FILE = PROJECT_ROOT / "ingest" / "roles.toml"
RULES = load_roles(ROLES_FILE)

# A promotion-style act in the Japanese Law Translation shape: duties of the State, no penalties at all.
DRONE_ACT_EN = """<?xml version="1.0" encoding="UTF-8"?>
<Law Lang="en"><LawNum>Act No. 7 of 2031</LawNum><LawBody><LawTitle>Act on Promoting Friendly Drones</LawTitle>
<MainProvision><Chapter Num="1"><ChapterTitle>Chapter I General Provisions</ChapterTitle>
<Article Num="1"><ArticleCaption>(Purpose)</ArticleCaption><ArticleTitle>Article 1</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>The purpose of this Act is to let friendly drones deliver soup to every village.</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="2"><ArticleCaption>(Definitions)</ArticleCaption><ArticleTitle>Article 2</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>The term "friendly drone" means a drone that hums a tune while it flies and must carry soup.</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="3"><ArticleCaption>(Responsibilities of the National Government)</ArticleCaption><ArticleTitle>Article 3</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>The national government is to build landing pads for friendly drones.</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="4"><ArticleCaption>(Tuning of Drones)</ArticleCaption><ArticleTitle>Article 4</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>A business operator is to endeavor to fine-tune the model that steers its drones so that no soup is spilled.</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="5"><ArticleCaption>(Delegation to Cabinet Order)</ArticleCaption><ArticleTitle>Article 5</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>The size of a landing pad is specified by Cabinet Order.</Sentence></ParagraphSentence></Paragraph>
</Article>
</Chapter></MainProvision>
<SupplProvision><SupplProvisionLabel>Supplementary Provisions</SupplProvisionLabel>
<Article Num="1"><ArticleCaption>(Effective Date)</ArticleCaption><ArticleTitle>Article 1</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>This Act comes into effect on the first day of spring.</Sentence></ParagraphSentence></Paragraph>
</Article>
</SupplProvision></LawBody></Law>
"""

# An e-Gov shaped Japanese act with a penalties chapter whose articles carry no caption of their own.
ROBOT_ACT_JA = """<?xml version="1.0" encoding="UTF-8"?>
<Law Era="Reiwa" Lang="ja" LawType="Act" Num="98" Year="13">
<LawNum>令和十三年法律第九十八号</LawNum>
<LawBody>
<LawTitle>お掃除ロボット法</LawTitle>
<MainProvision>
<Chapter Num="1"><ChapterTitle>第一章　総則</ChapterTitle>
<Article Num="1"><ArticleCaption>（目的）</ArticleCaption><ArticleTitle>第一条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律は、お掃除ロボットが静かに働くことを目的とする。</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="2"><ArticleCaption>（定義）</ArticleCaption><ArticleTitle>第二条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律において「お掃除ロボット」とは、床を掃除する機械をいう。</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="3"><ArticleCaption>（国等の責務）</ArticleCaption><ArticleTitle>第三条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>国及び地方公共団体は、お掃除ロボットの充電所を整備しなければならない。</Sentence></ParagraphSentence></Paragraph>
</Article>
<Article Num="4"><ArticleCaption>（深夜運転）</ArticleCaption><ArticleTitle>第四条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>何人も、深夜にお掃除ロボットを大きな音で運転させてはならない。</Sentence></ParagraphSentence></Paragraph>
<Paragraph Num="2"><ParagraphNum>２</ParagraphNum><ParagraphSentence><Sentence>深夜の時間帯は、政令で定める。</Sentence></ParagraphSentence></Paragraph>
</Article>
</Chapter>
<Chapter Num="2"><ChapterTitle>第二章　罰則</ChapterTitle>
<Article Num="5"><ArticleTitle>第五条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>第四条第一項の規定に違反した者は、十万円以下の罰金に処する。</Sentence></ParagraphSentence></Paragraph>
</Article>
</Chapter>
</MainProvision>
<SupplProvision><SupplProvisionLabel>附　則</SupplProvisionLabel>
<Article Num="1"><ArticleCaption>（施行期日）</ArticleCaption><ArticleTitle>第一条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>この法律は、公布の日から起算して一年を経過した日から施行する。</Sentence></ParagraphSentence></Paragraph>
</Article>
</SupplProvision>
</LawBody>
</Law>
"""

# A MOLEG shaped Korean act with an administrative-fine article.
KITE_ACT_KO = """<?xml version="1.0" encoding="UTF-8"?>
<법령><기본정보><법령명_한글>연날리기 진흥법</법령명_한글></기본정보>
<조문>
<조문단위><조문번호>1</조문번호><조문여부>전문</조문여부><조문내용>제1장 총칙</조문내용></조문단위>
<조문단위><조문번호>1</조문번호><조문여부>조문</조문여부><조문제목>목적</조문제목><조문내용>제1조(목적) 이 법은 하늘에 연을 안전하게 띄우는 것을 목적으로 한다.</조문내용></조문단위>
<조문단위><조문번호>2</조문번호><조문여부>조문</조문여부><조문제목>정의</조문제목><조문내용>제2조(정의) "큰연"이란 날개 길이가 3미터 이상인 연을 말한다.</조문내용></조문단위>
<조문단위><조문번호>3</조문번호><조문여부>조문</조문여부><조문제목>국가 등의 책무</조문제목><조문내용>제3조(국가 등의 책무)</조문내용>
<항><항번호>①</항번호><항내용>① 국가와 지방자치단체는 연날리기 공원을 마련하여야 한다.</항내용></항>
<항><항번호>②</항번호><항내용>② 연날리기 공원의 기준은 대통령령으로 정한다.</항내용></항>
</조문단위>
<조문단위><조문번호>4</조문번호><조문여부>조문</조문여부><조문제목>적용범위</조문제목><조문내용>제4조(적용범위) 이 법은 바다 위에서 띄우는 연에도 적용한다.</조문내용></조문단위>
<조문단위><조문번호>5</조문번호><조문여부>전문</조문여부><조문내용>제2장 벌칙</조문내용></조문단위>
<조문단위><조문번호>5</조문번호><조문여부>조문</조문여부><조문제목>과태료</조문제목><조문내용>제5조(과태료) 큰연을 신고하지 아니하고 띄운 자에게는 100만원 이하의 과태료를 부과한다.</조문내용></조문단위>
</조문>
<부칙><부칙단위><부칙공포번호>77777</부칙공포번호><부칙내용><![CDATA[부칙
이 법은 공포 후 6개월이 경과한 날부터 시행한다.]]></부칙내용></부칙단위></부칙>
</법령>
"""

LAWS = {
    "en": (DRONE_ACT_EN, "jp-law-xml"),
    "ja": (ROBOT_ACT_JA, "jp-law-xml"),
    "ko": (KITE_ACT_KO, "kr-moleg-xml"),
}


def _tagged(tmp_path: Path, lang: str) -> dict[str, tuple[str, ...]]:
    """Roles by locator of one fixture law, read through the real parse → chunk → tag path."""
    xml, profile = LAWS[lang]
    path = tmp_path / f"law-{lang}.xml"
    path.write_text(xml, encoding="utf-8")
    doc = Document(id=f"fx-{lang}", title="law", short_title="law", file=path.name, language=lang, format="xml")
    settings = make_settings(tmp_path, chunking=ChunkingSettings(min_chars=0))
    chunks, _ = chunk_document(dataclasses.replace(doc, profile=profile), path, settings)
    return {c.locator: c.roles for c in chunks}


def _chunk(text: str, heading_path: tuple[str, ...] = (), lang: str = "en") -> Chunk:
    return Chunk("d", "Article 9", heading_path, text, 0, len(text), None, None, lang)


# ---------------------------------------------------------------- fixture laws, three languages


def test_english_promotion_act_roles_come_from_captions_and_cues(tmp_path: Path) -> None:
    """A JLT-shaped act: purpose, definition, the State's duty, delegation and effective date are tagged."""
    roles = _tagged(tmp_path, "en")
    assert roles["Article 1"] == ("purpose",)
    assert roles["Article 2"] == ("definition",)  # "must carry" inside a definition is no obligation
    assert roles["Article 3"] == ("obligation", "obligation:national_government")
    assert roles["Article 5"] == ("delegation",)
    assert roles["Supplementary Provisions, Article 1"] == ("dates",)


def test_a_law_without_penalties_has_no_enforcement_chunk(tmp_path: Path) -> None:
    """The promotion act names no penalty anywhere, and "fine-tune the model" is not a fine."""
    roles = _tagged(tmp_path, "en")
    assert not any("enforcement" in r for r in roles.values())
    assert roles["Article 4"] == ("obligation", "obligation:business_operator")


def test_japanese_act_with_penalties(tmp_path: Path) -> None:
    """An e-Gov act: captions （目的）（定義）, 国及び地方公共団体は as joined addressees, てはならない, 政令で定める,
    a caption-less article under 罰則, and （施行期日）."""
    roles = _tagged(tmp_path, "ja")
    assert roles["第一条"] == ("purpose",)
    assert roles["第二条"] == ("definition",)
    assert roles["第三条"] == ("obligation", "obligation:national_government", "obligation:local_government")
    assert roles["第四条第一項"] == ("prohibition",)
    assert roles["第四条第二項"] == ("delegation",)
    assert roles["第五条"] == ("enforcement",)
    assert roles["附 則第一条"] == ("dates",)


def test_korean_act_with_administrative_fines(tmp_path: Path) -> None:
    """A MOLEG act: (목적) (정의) (적용범위), 국가와 지방자치단체는 …하여야 한다, 대통령령으로, 과태료 and 부칙 시행."""
    roles = _tagged(tmp_path, "ko")
    assert roles["제1조"] == ("purpose",)
    assert roles["제2조"] == ("definition",)
    assert roles["제3조제1항"] == ("obligation", "obligation:national_government", "obligation:local_government")
    assert roles["제3조제2항"] == ("obligation", "delegation")  # the duties caption covers the whole article
    assert roles["제4조"] == ("scope",)
    assert roles["제5조"] == ("enforcement",)
    assert roles["부칙 (제77777호)"] == ("dates",)


# ---------------------------------------------------------------- cues, false friends, captions


@pytest.mark.parametrize(
    "text",
    [
        "Providers may fine-tune the model on their own data before placing it on the market.",
        "The system may be used for the prosecution of criminal offences or the execution of criminal penalties.",
        "The registry records the fine grain of each sensor and the penaltybox score of the game.",
    ],
)
def test_false_friends_are_not_enforcement(text: str) -> None:
    """Words that only look like penalties (fine-tune, the execution of criminal penalties, penaltybox) tag nothing."""
    assert "enforcement" not in roles_of(_chunk(text), RULES)


@pytest.mark.parametrize(
    "text",
    [
        "Infringements shall be subject to administrative fines of up to EUR 5 000 000.",
        "A person who breaks the seal shall be punished by imprisonment for not more than one year.",
        "Member States shall lay down the rules on penalties applicable to infringements.",
    ],
)
def test_penalty_wording_is_enforcement(text: str) -> None:
    """Fines of up to, imprisonment and penalties in the text tag a chunk enforcement without any caption."""
    assert "enforcement" in roles_of(_chunk(text), RULES)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Article 9 — Use of drones by law enforcement", False),
        ("Article 1 (Enforcement Date)", False),
        ("Article 9 — Penalties", True),
        ("CHAPTER VI PENALTY PROVISIONS", True),
        ("第八章 罰則", True),
        ("제43조(과태료)", True),
    ],
)
def test_enforcement_captions(heading: str, expected: bool) -> None:
    """A penalties caption tags the chunk; "law enforcement" and "Enforcement Date" do not."""
    lang = "ja" if "章" in heading else "ko" if "조" in heading else "en"
    assert ("enforcement" in roles_of(_chunk("Text.", (heading,), lang), RULES)) is expected


def test_caption_beats_cue() -> None:
    """Under a penalties caption, "shall" and "shall not" do not add obligation or prohibition."""
    text = "The fine shall not exceed EUR 10 000. Member States shall not impose it twice and shall report it."
    assert roles_of(_chunk(text, ("Chapter XII — PENALTIES", "Article 9 — Penalties")), RULES) == ("enforcement",)
    assert {"obligation", "prohibition"} <= set(roles_of(_chunk(text), RULES))  # the same words, uncaptioned


def test_shall_not_apply_is_an_exclusion_not_a_prohibition() -> None:
    """ "shall not apply to" reads as an exclusion; "shall not place" as a prohibition."""
    assert roles_of(_chunk("This Act shall not apply to toy drones."), RULES) == ("exclusion",)
    assert "prohibition" in roles_of(_chunk("The importer shall not place the drone on the market."), RULES)


def test_obligation_addressee_is_the_subject_nearest_the_verb() -> None:
    """ "Where a deployer asks, the provider shall…" binds the provider; a caption naming deployers binds them."""
    text = "Where a deployer asks for it, the provider shall hand over the logs."
    assert roles_of(_chunk(text), RULES) == ("obligation", "obligation:provider")
    captioned = _chunk("They keep the logs for six months.", ("Article 9 — Obligations of deployers",))
    assert roles_of(captioned, RULES) == ("obligation", "obligation:deployer")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("This code of practice is voluntary and creates no legally binding obligations.", "legal_nature"),
        ("The Commission is empowered to adopt delegated acts to amend Annex III.", "delegation"),
        ("This Regulation shall apply from 2 August 2026.", "dates"),
        ("Any person shall have the right to lodge a complaint with the authority.", "right"),
        ("(6) THIS PART 9 IS NOT SUBJECT TO A PRIVATE RIGHT OF ACTION FOR VIOLATIONS OF THIS PART 9.", "right"),
        ("A keeper harmed by a robot may bring a civil action against its maker.", "right"),
        ("(6) NOTHING IN THIS PART 9 APPLIES TO ANY ROBOT THAT IS ACQUIRED BY A FEDERAL AGENCY.", "exclusion"),
        ("(7) AN INSURER IS IN FULL COMPLIANCE WITH THIS PART 9 IF IT IS SUBJECT TO SECTION 10-3-1104.", "exclusion"),
        ("(2) The obligations under this part do not restrict a keeper's ability to recall a robot.", "exclusion"),
    ],
)
def test_text_cues(text: str, role: str) -> None:
    """Each cue family tags its role from the wording alone."""
    assert role in roles_of(_chunk(text), RULES)


def test_a_chunk_without_any_cue_is_other() -> None:
    """Nothing matched: the chunk is "other", and a language without rules is "other" too."""
    assert roles_of(_chunk("Drones hum quietly over the hills."), RULES) == ("other",)
    assert roles_of(_chunk("Drones shall hum.", lang="xx"), RULES) == ("other",)


@pytest.mark.parametrize(
    ("text", "lang", "party"),
    [
        ('"Operator" means a natural or legal person that runs a robot in this State.', "en", True),
        ('(4) "RESIDENT" MEANS AN INDIVIDUAL WHO LIVES IN THIS STATE.', "en", True),
        ('"Robot operator" in this Chapter and Chapter III means a person that uses a robot for business.', "en", True),
        (
            '7. "Robot business" means any of the following corporations, organizations or individuals: a. makers',
            "en",
            True,
        ),
        ('"Robot" means a machine that moves by itself.', "en", False),
        ('"Registry" means the list kept by the ministry of robotics.', "en", False),
        ("この法律において「ロボット事業者」とは、ロボットを事業の用に供している者をいう。", "ja", True),
        ("この法律において「ロボット」とは、自ら動く機械をいう。", "ja", False),
        ('1. "로봇사업자"란 로봇을 제공하는 법인, 단체, 개인 및 국가기관등을 말한다.', "ko", True),
        ('2. "로봇"이란 스스로 움직이는 기계를 말한다.', "ko", False),
    ],
)
def test_a_definition_of_a_person_or_body_is_a_party_definition(text: str, lang: str, party: bool) -> None:
    """Who a law binds or protects is defined as a person, individual, corporation or body (者, 자); a
    definition of a thing is not a party's."""
    caption = {"en": "Definitions", "ja": "（定義）", "ko": "제2조(정의)"}[lang]
    roles = roles_of(_chunk(text, (caption,), lang), RULES)
    assert "definition" in roles
    assert ("definition:party" in roles) is party


def test_a_party_pattern_outside_a_definition_adds_nothing() -> None:
    """ "means a person" in an obligation is no definition, so no party definition either."""
    roles = roles_of(_chunk('The "operator" shall register; registering means a person is on file.'), RULES)
    assert "definition:party" not in roles


def test_roles_do_not_change_the_chunk_id() -> None:
    """Tagging a chunk keeps its id, so a re-tag never re-embeds."""
    chunk = _chunk("The provider shall keep the logs.")
    assert dataclasses.replace(chunk, roles=roles_of(chunk, RULES)).id == chunk.id


def test_role_counts_list_every_role_and_the_addressees() -> None:
    """role_counts shows absent roles as 0 (a law with no enforcement) and each addressee after them."""
    chunks = [dataclasses.replace(c, roles=roles_of(c, RULES)) for c in (_chunk("Providers shall log."), _chunk("Hi."))]
    counts = role_counts(chunks)
    assert list(counts)[: len(ROLES)] == list(ROLES)
    assert counts["enforcement"] == 0 and counts["obligation"] == 1 and counts["other"] == 1
    assert counts["obligation:provider"] == 1


# ---------------------------------------------------------------- the roles file


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_every_role_has_rules_in_each_language(lang: str) -> None:
    """English, Japanese and Korean each have a caption pattern or a cue for every role but "other"."""
    rules = RULES.languages[lang]
    assert [r for r in ROLES if r != "other" and not rules.captions.get(r) and not rules.cues.get(r)] == []


@pytest.mark.parametrize(
    ("change", "entry"),
    [
        (("prohibition = [\n", "prohibition = [\n    '(unclosed',\n", 1), "[en] cues.prohibition[0]"),
        (("[en.cues]\n", "[en.cues]\npenalty = ['fine']\n", 1), "[en] cues.penalty"),
        (('other = "none of the above"\n', "", 1), "[roles]"),
        (("[ko.addressees]\n", "[ko.addressees]\nboss = ['사장']\n", 1), "[ko] addressees.boss"),
        (("[overrides]\n", '[overrides]\nother = ["penalty"]\n', 1), "[overrides] other"),
        (("[en.cues]\n", "[en.cues\n", 1), "not valid TOML"),
    ],
)
def test_a_malformed_roles_file_is_a_config_error_naming_it(
    tmp_path: Path, change: tuple[str, str, int], entry: str
) -> None:
    """A bad regex, unknown role or addressee, missing vocabulary entry or broken TOML names the file and entry."""
    old, new, count = change
    text = ROLES_FILE.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "my-roles.toml"
    bad.write_text(text.replace(old, new, count), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_roles(bad)
    assert str(bad) in str(caught.value) and entry in str(caught.value)


def test_a_missing_roles_file_fails_chunking_with_its_name(tmp_path: Path) -> None:
    """chunk_document refuses to run without the roles file and says which file and setting."""
    settings = make_settings(tmp_path, roles=tmp_path / "nowhere.toml")
    path = tmp_path / "law.xml"
    path.write_text(DRONE_ACT_EN, encoding="utf-8")
    doc = Document(id="fx", title="t", short_title="t", file="law.xml", format="xml", profile="jp-law-xml")
    with pytest.raises(ConfigError, match=r"nowhere\.toml.*GOVQA_ROLES"):
        chunk_document(doc, path, settings)


def test_the_build_key_follows_the_roles_file(tmp_path: Path) -> None:
    """Editing the roles file changes every document's build key, so the next ingest re-tags."""
    roles = tmp_path / "roles.toml"
    roles.write_text(ROLES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    settings = make_settings(tmp_path, roles=roles)
    profile = PROJECT_ROOT / "ingest" / "profiles" / "eu-oj.toml"
    before = build_key(settings, profile)
    roles.write_text(roles.read_text(encoding="utf-8") + "\n# a new comment\n", encoding="utf-8")
    assert build_key(settings, profile) != before


# ---------------------------------------------------------------- stored and shown


def test_roles_survive_the_metadata_round_trip() -> None:
    """Roles are stored comma-joined in Chroma metadata and read back as the same tuple."""
    chunk = dataclasses.replace(_chunk("Text."), roles=("obligation", "obligation:deployer", "dates"))
    meta = chunk_metadata(chunk, {"source_sha256": "x", "build_key": "y"})
    assert meta["roles"] == "obligation,obligation:deployer,dates"
    assert chunk_from_record(chunk.text, meta) == chunk


def test_ingest_stores_roles_and_a_roles_change_retags_without_embedding(tmp_path: Path) -> None:
    """The index holds the roles chunk_document gave; after a roles file edit the next ingest re-tags the
    chunks in place (same ids) and embeds nothing."""
    roles = tmp_path / "roles.toml"
    roles.write_text(ROLES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    settings = make_settings(tmp_path, roles=roles)
    manifest = build_corpus(settings.cache_dir, ("fx-robot-act-2027",))
    embedders = fake_embedders()
    ingest(settings, manifest=manifest, embedders=embedders)
    stored = open_store(settings, embedders).chunks("fx-robot-act-2027")
    expected, _ = chunk_document(manifest.documents[0], settings.cache_dir / manifest.documents[0].file, settings)
    assert [c.roles for c in stored] == [c.roles for c in expected]
    assert any("enforcement" in c.roles for c in stored)  # Article 4: "a fine of up to ten thousand euro"

    # Empty the English enforcement captions and cues: the penalty article is no longer tagged.
    roles.write_text(re.sub(r"(?ms)^enforcement = \[\n.*?^\]\n", "enforcement = []\n", ROLES_FILE.read_text("utf-8")))
    calls = [e.calls for e in embedders.values() if isinstance(e, KeywordEmbedder)]
    reports = ingest(settings, manifest=manifest, embedders=embedders)
    assert [r.state for r in reports] == ["ingested"] and reports[0].embedded == 0
    assert [e.calls for e in embedders.values() if isinstance(e, KeywordEmbedder)] == calls
    retagged = open_store(settings, embedders).chunks("fx-robot-act-2027")
    assert [c.id for c in retagged] == [c.id for c in stored]
    assert not any("enforcement" in c.roles for c in retagged)


def _cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The fixture act in a manifest, mirror and index under tmp_path, with GOVQA_* pointing there."""
    monkeypatch.chdir(tmp_path)
    for name, value in (("MANIFEST", "sources.toml"), ("CACHE_DIR", "cache"), ("INDEX_DIR", "index")):
        monkeypatch.setenv(f"GOVQA_{name}", str(tmp_path / value))
    settings = make_settings(tmp_path)
    manifest = build_corpus(settings.cache_dir, ("fx-robot-act-2027",))
    doc = manifest.documents[0]
    (tmp_path / "sources.toml").write_text(
        f'[[document]]\nid = "{doc.id}"\nfile = "{doc.file}"\ntitle = "t"\nshort_title = "t"\n'
        f'sha256 = "{hashlib.sha256((settings.cache_dir / doc.file).read_bytes()).hexdigest()}"\n'
        f'official_url = "https://example.org/t"\nformat = "txt"\nprofile = "articles-text"\n',
        encoding="utf-8",
    )
    assert load_manifest(tmp_path / "sources.toml").get(doc.id).sha256 == doc.sha256
    return settings


def test_chunks_jsonl_shows_roles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govqa chunks --jsonl` prints each chunk's roles as a list."""
    settings = _cli_env(tmp_path, monkeypatch)
    names = expected_model_names(settings)  # the names the read-only CLI expects, on keyword embedders
    ingest(settings, embedders={index: KeywordEmbedder(name) for index, name in names.items()})
    assert main(["chunks", "--jsonl", "--doc", "fx-robot-act-2027"]) == 0
    records = {r["locator"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert all(isinstance(r["roles"], list) and r["roles"] for r in records.values())
    assert "enforcement" in records["Article 4(1)"]["roles"]
    assert "obligation" in records["Article 2(1)"]["roles"]


def test_inspect_prints_role_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govqa inspect` prints each chunk's roles and a count per role, absent roles as 0, before the summary."""
    _cli_env(tmp_path, monkeypatch)
    assert main(["inspect", "fx-robot-act-2027"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-4] == "definitions of parties (who it binds or protects): 0"  # the fixture act defines none
    counts = dict(item.rsplit(" ", 1) for item in lines[-3].removeprefix("roles: ").split(", "))
    assert list(counts) == list(ROLES)
    assert counts["prohibition"] == "0" and int(counts["enforcement"]) >= 1
    assert lines[-2].startswith("obligation addressees: ")
    assert lines[-1].endswith("pages")
    assert any(line.startswith("Article 4(1)") and "enforcement" in line for line in lines)


# ---------------------------------------------------------------- the real corpus (read only, when present)

REAL = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")


def _real_roles(doc_id: str) -> dict[str, set[str]]:
    """Role → locators of one real corpus document, tagged with the shipped roles file."""
    doc = load_manifest(PROJECT_ROOT / "corpus" / "sources.toml").get(doc_id)
    chunks, _ = chunk_document(doc, CORPUS / doc.file, Settings())
    found: dict[str, set[str]] = {}
    for chunk in chunks:
        extra = {r for r in chunk.roles if r.startswith("obligation:")} | {"definition:party"}
        assert chunk.roles and set(chunk.roles) <= set(ROLES) | extra
        for role in chunk.roles:
            found.setdefault(role, set()).add(chunk.locator)
    return found


@REAL
def test_eu_ai_act_has_definitions_prohibitions_penalties_and_dates() -> None:
    """The EU AI Act: Article 3 defines, Article 5 prohibits, Article 99 penalises, Article 113 dates."""
    roles = _real_roles("eu-ai-act-2024-1689-en")
    assert any(loc.startswith("Article 3(") for loc in roles["definition"])
    assert any(loc.startswith("Article 5(") for loc in roles["prohibition"])
    assert any(loc.startswith("Article 99(") for loc in roles["enforcement"])
    assert "Article 113" in roles["dates"]
    assert any(loc.startswith("Article 26(") for loc in roles["obligation:deployer"])


@REAL
@pytest.mark.parametrize(
    ("doc_id", "parties", "things"),
    [
        # consumer, deployer, developer — not "artificial intelligence system"
        ("us-co-sb24-205-signed-act", "6-1-1701(4)", "6-1-1701(2)"),
        # "artificial intelligence business operator" — not "artificial intelligence" itself
        ("kr-ai-basic-act-en-moleg-act21311", "Article 2(7)", "Article 2(1)"),
        ("eu-ai-act-2024-1689-en", "Article 3(2)", "Article 3(1)"),
    ],
)
def test_real_laws_define_their_parties(doc_id: str, parties: str, things: str) -> None:
    """The definitions of who a law binds or protects are party definitions; the definitions of things are not."""
    roles = _real_roles(doc_id)
    assert any(loc.startswith(parties) for loc in roles["definition:party"])
    assert not any(loc.startswith(things) for loc in roles["definition:party"])
    assert any(loc.startswith(things) for loc in roles["definition"])


@REAL
def test_the_ai_guidelines_glossary_is_one_definition_per_term() -> None:
    """The AI Guidelines' glossary prints each term on a bulleted line of its own: every term is a definitions
    unit of its own, so the term stays with its text."""
    roles = _real_roles("jp-ai-guidelines-for-business-v1.0-en")
    assert {"Part 1 Definitions (AI governance)", "Part 1 Definitions (AI system)"} <= roles["definition"]


@REAL
@pytest.mark.parametrize("doc_id", ["jp-ai-promotion-act-2025-en-jlt", "jp-ai-promotion-act-2025-ja-egov"])
def test_japan_ai_promotion_act_has_no_enforcement(doc_id: str) -> None:
    """Japan's AI Promotion Act (English and Japanese) has no penalty provision, but has a purpose and State duties."""
    roles = _real_roles(doc_id)
    assert "enforcement" not in roles
    assert roles["purpose"] and roles["obligation:national_government"]


@REAL
@pytest.mark.parametrize(
    ("doc_id", "fines"),
    [("kr-ai-basic-act-ko-moleg-2026-07-21", "제43조"), ("kr-ai-basic-act-en-moleg-act21311", "Article 43")],
)
def test_korea_ai_basic_act_has_administrative_fines(doc_id: str, fines: str) -> None:
    """Korea's AI Basic Act: its administrative-fines article (과태료) is an enforcement chunk."""
    assert any(loc.startswith(fines) for loc in _real_roles(doc_id)["enforcement"])


@REAL
def test_colorado_withholds_a_private_right_of_action() -> None:
    """Colorado's 6-1-1706(6) ('… not subject to, a private right of action') is a right-role chunk, which a
    question about suing searches."""
    assert "6-1-1706(4)–(6)" in _real_roles("us-co-sb24-205-signed-act")["right"]


@REAL
@pytest.mark.parametrize(
    ("doc_id", "question", "article"),
    [
        ("jp-ai-promotion-act-2025-ja-egov", "AI推進法の基本理念は何ですか？", "第三条"),
        ("jp-ai-promotion-act-2025-en-jlt", "What are the basic principles of Japan's AI Promotion Act?", "Article 3"),
        ("kr-ai-basic-act-en-moleg-act21311", "What is the scope of application of the AI Basic Act?", "Article 4"),
    ],
)
def test_real_article_captions_are_found_by_name(doc_id: str, question: str, article: str) -> None:
    """The real laws' article captions (「基本理念」, "Basic Principles", "Scope of application") lead a question
    that names them to that article and no other."""
    doc = load_manifest(PROJECT_ROOT / "corpus" / "sources.toml").get(doc_id)
    chunks, _ = chunk_document(doc, CORPUS / doc.file, Settings())
    named = set(Captions(chunks).named(question, [doc_id]))
    locators = {c.locator for c in chunks if c.id in named}
    assert locators and all(re.match(rf"{article}(?![0-9十])", loc) for loc in locators), locators
