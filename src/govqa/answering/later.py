"""What a text cannot record: what happened to it after it was made (pure; a check of the answerability stage).

- a year the question gives to an event (revoked, amended, updated…) after the date of every text retrieved and
  of the held texts that revoke or supersede them;
- a meeting, a body's act or the publication of what a text asks for, that the claim dates after every text
  retrieved, to the day or month the claim gives
  ("the first meeting of the headquarters was held on 12 September 2025", after an act of 4 June 2025; "the
  AI Office opened proceedings in 2026", 「2025年12月に登録制度を創設した」);
- the votes that passed a named text ("with 523 votes in favour", "cleared the House of Councillors",
  「参議院本会議で可決」): an enacted text records its enactment, not the votes before it;
- who has since taken a named text up ("How many companies have signed the Code?", "Which firms reported?");
- how the world met a named text ("How did companies react to it?", "What did the industry look like on the first
  day it took effect?"), and how it should be changed ("What should be changed with its exemptions?"): a text
  states its rules, not their reception nor a judgement of them;
- what became of a named text ("Is it still in force?", "Has it been amended?", "It was revoked by …"), when the
  library holds no later version of it — the answer gives the library's own record of the text (status,
  version in corpus/sources.toml) for the reader to follow up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from govqa.answering.findings import CheckContext, Finding
from govqa.documents.relations import revocation
from govqa.records import Document, Passage
from govqa.search.analysis import QueryAnalysis
from govqa.text import fold


def later_year(query: QueryAnalysis, passages: Sequence[Passage], documents: Mapping[str, Document]) -> str:
    """The year of an event (revoked, amended…) the asking sentence puts after the date of every text retrieved,
    or ""."""
    if not query.shape.later_event or not query.event_years:
        return ""
    retrieved = [d for p in passages[:3] if (d := documents.get(p.chunk.doc_id))]
    revokers = [documents.get(r.related) for d in retrieved if (r := revocation(d.id, documents))]
    if revokers and query.claim and any(d.event == "revocation" for d in query.claim.dates):
        return ""  # the held revoking text dates the revocation: claims.record_revocation compares the claim's
    # a text's later version, or the text revoking it, records what happened to it: their dates count too
    later = [documents.get(d.superseded_by) for d in retrieved] + revokers
    dated = [int(d.date[:4]) for d in (*retrieved, *later) if d and d.date[:4].isdigit()]
    if not dated or max(query.event_years) <= max(dated):
        return ""
    return str(max(query.event_years))


# Events a text cannot schedule for itself: a meeting held, a body's act (claim_figures.REPORTED). A
# text's own dates (entry into force, application, deadlines) may lie after it and are compared by the claim checks.
DONE_LATER = frozenset({"meeting", "action"})
# What a text asks for, named by the text asking ("the action plan ordered by EO 14179", 「大統領令14179を受け」):
# its publication is another text's, made after the one asking for it.
ASKED_BY = re.compile(
    r"\b(?:ordered|called\s+for|required|mandated|requested|directed|commissioned)\s+(?:by|under)\b|を受け|に基づ", re.I
)


def _follows(query: QueryAnalysis) -> bool:
    """The claim names a text as what another followed ("following its generative AI profile, NIST published …",
    「生成AIプロファイルに続いて…を公表」): what it says was published is that other, later text."""
    claim = fold(query.claim.text) if query.claim else ""
    names = [re.escape(n.words) for n in (query.claim.texts if query.claim else ())]
    return any(re.search(rf"{_FOLLOWING}\s+(?:the\s+|its\s+|\w+['’]s\s+)?{n}|{n}に続", claim) for n in names)


_FOLLOWING = r"\b(?:following|on the heels of|in the wake of)"


def later_meeting(query: QueryAnalysis, passages: Sequence[Passage], documents: Mapping[str, Document]) -> str:
    """A meeting or a body's act the claim dates after the date of every text retrieved (compared as precisely as
    the claim dates it), as written, or "": a text cannot record what was done after it was made."""
    claim = query.claim.text if query.claim else ""
    meetings = [
        d
        for d in (query.claim.dates if query.claim else ())
        if d.event in DONE_LATER or (d.event == "publication" and (ASKED_BY.search(claim) or _follows(query)))
    ]
    dated = [_ymd(d.date) for p in passages[:3] if (d := documents.get(p.chunk.doc_id)) and d.date[:4].isdigit()]
    if not dated:
        return ""
    latest = max(dated)
    return next((m.text for m in meetings if _after((m.year, m.month, m.day), latest)), "")


# A legislature's vote on a text: a tally ("523 votes in favour", "260 votes to 1"), a vote adopting it unanimously
# or by a large majority, or a chamber passing it ("cleared the House of Councillors", 「参議院本会議で可決」). No
# enacted text records the votes that passed it; a body's voting rules ("a majority of those present") are no tally.
VOTE = re.compile(
    r"\b\d[\d,]*\s+votes?\b|\bvotes?\s+(?:in\s+favou?r|against)\b|\bwith(?:out)?\s+a\s+vote\b"
    r"|\b(?:unanimously|overwhelming(?:ly)?)\s+(?:passed|adopted|approved|backed)|\b(?:passed|adopted|approved)\s+unanimously"
    r"|\b(?:passed|cleared|approved)\b[^.;]{0,40}\b(?:House\s+of\s+(?:Councillors|Representatives)|Senate|National\s+Assembly"
    r"|Diet|plenary|upper\s+house|lower\s+house)\b|参議院|衆議院|本会議|賛成多数|全会一致|국회\s*본회의|찬성",
    re.I,
)

# A claim opening "Under <text>, …" frames what the text governs: a vote in it ("the plan is then approved by the
# Diet") is the text's procedure for something else, not the vote that passed the text.
_FRAMED = re.compile(r"\s*(?:under|according to|per|pursuant to)\b[^,;]{1,80},", re.I)


def _ymd(date: str) -> tuple[int, int, int]:
    """A record's ISO date ("2025-06-04", "2024") as (year, month, day), 0 for what it leaves out."""
    year, month, day = ([int(x) for x in date.split("-")[:3] if x.isdigit()] + [0, 0])[:3]
    return year, month, day


def _after(claimed: tuple[int, int | None, int | None], latest: tuple[int, int, int]) -> bool:
    """The claimed date is after `latest` at the claim's precision ("2025" is not after 2025-06-04)."""
    for part, than in zip(claimed, latest, strict=True):
        if part is None or than == 0:
            return False
        if part != than:
            return part > than
    return False


def later_fate(query: QueryAnalysis, documents: Mapping[str, Document]) -> Document | None:
    """The named text a question asks the later fate of, when the library holds no later version of it that could
    record that; else None. A question that names another jurisdiction ("Has Colorado delayed … its AI Act?") is
    not taken to ask about a text outside it."""
    route = query.route
    if not query.shape.fate or route.by != "alias":
        return None
    named = [documents[d] for d in (route.named or route.doc_ids) if d in documents]
    if not named or any(d.superseded_by in documents or revocation(d.id, documents) for d in named):
        return None  # a later version or the revoking text is held: its text says what changed
    if len({d.date for d in named}) > 1:
        return None
    places = set(query.jurisdictions)
    return None if places and named[0].jurisdiction not in places else named[0]


def check_later_event(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """The asking sentence asks what the retrieved texts cannot record."""
    if not passages or any(p.lookup for p in passages[:3]):
        return None
    documents = ctx.documents
    cite = tuple(passages[:2])
    if year := later_year(query, passages, documents):
        doc = documents.get(passages[0].chunk.doc_id)
        title = doc.short_title if doc else passages[0].chunk.doc_id
        return Finding("later_year", "gap", {"title": title, "year": year}, cite)
    if ctx.mode == "claim" and (date := later_meeting(query, passages, documents)):
        doc = documents.get(passages[0].chunk.doc_id)
        title = doc.short_title if doc else passages[0].chunk.doc_id
        return Finding("later_date", "gap", {"title": title, "date": date}, cite)
    route = query.route
    named = [d for d in (*route.named, *route.doc_ids) if d in documents]
    voted = query.claim and VOTE.search(query.claim.text) and not _FRAMED.match(query.claim.text)
    if ctx.mode == "claim" and route.by == "alias" and named and voted:
        return Finding("vote", "gap", {"title": documents[named[0]].short_title}, cite)
    for unrecorded in ("uptake", "response", "reform"):  # (Shape's flags of the same names)
        if route.by in ("alias", "jurisdiction") and named and getattr(query.shape, unrecorded):
            return Finding(unrecorded, "gap", {"title": documents[named[0]].short_title}, cite, "closest")
    if doc := later_fate(query, documents):
        fields = {"title": doc.short_title, "date": doc.date, "status": doc.status, "version": doc.version}
        return Finding("later_fate", "gap", fields, cite, "closest")
    return None
