"""An Assessment as the JSON the issue fixes and as a short memo (English, or Japanese with lang="ja")."""

from __future__ import annotations

import json
from typing import Any

from govqa.assessment.engine import Assessment, Finding, TextResult
from govqa.assessment.facts import question
from govqa.records import Citation

NOT_LEGAL_ADVICE = {
    "en": "Not legal advice: a first reading of the texts govqa holds, to take to your counsel.",
    "ja": "法的助言ではありません。govqaが収録する条文に基づく一次的な整理であり、専門家への相談にお使いください。",
}
STATUS_LABELS = {
    "en": {
        "applies": "applies",
        "may_apply": "may apply",
        "voluntary": "voluntary",
        "does_not_apply": "does not apply",
    },
    "ja": {"applies": "適用あり", "may_apply": "適用の可能性あり", "voluntary": "任意", "does_not_apply": "適用なし"},
}
_HEADINGS = {
    "en": ("Does this apply to you?", "Why", "What it asks", "What would change the outcome", "Sources"),
    "ja": ("このAI規制はあなたに適用されるか", "理由", "求められる事項", "結論が変わりうる事実", "出典"),
}
MEMO_QUOTE_CHARS = 200  # the memo shows the opening of each quote; the JSON and the app show it whole


def citation_json(c: Citation) -> dict[str, Any]:
    return {"doc": c.doc_id, "locator": c.locator, "page": c.page, "quote": c.quote, "url": c.url}


def result_json(r: TextResult, lang: str = "en") -> dict[str, Any]:
    return {
        "doc": r.doc,
        "jurisdiction": r.jurisdiction,
        "status": r.status,
        "reasons": [{"finding": f.text, "citation": citation_json(f.citation)} for f in r.reasons],
        "obligations": [{"what": f.text, "citation": citation_json(f.citation)} for f in r.obligations],
        "unknown_facts": [
            {"fact": u.fact, "question": question(u.fact, lang), "effect": u.effect} for u in r.unknown_facts
        ],
    }


def assessment_dict(a: Assessment) -> dict[str, Any]:
    return {"facts": a.facts.to_json(), "results": [result_json(r, a.lang) for r in a.results]}


def assessment_json(a: Assessment) -> str:
    return json.dumps(assessment_dict(a), ensure_ascii=False, indent=2)


def _facts_line(a: Assessment) -> str:
    known = []
    for key, value in a.facts.to_json().items():
        if key == "system":
            known += [f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in value.items() if v is not None]
        elif value is not None:
            known.append(f"{key}={json.dumps(value, ensure_ascii=False)}")
    return ", ".join(known)


def _line(f: Finding) -> str:
    return f"  - {f.text} [{f.citation.n}]"


def memo(a: Assessment) -> str:
    """The assessment as a short memo: one section per text, then the numbered sources with their quotes."""
    lang = a.lang if a.lang in _HEADINGS else "en"
    title, why, asks, change, sources = _HEADINGS[lang]
    labels = STATUS_LABELS[lang]
    out = [title, NOT_LEGAL_ADVICE[lang], "", ("前提とした事実: " if lang == "ja" else "Facts: ") + _facts_line(a)]
    cited: dict[int, Citation] = {}
    for r in a.results:
        out += ["", f"{r.short_title} ({r.jurisdiction}) — {labels[r.status].upper()}", f"{why}:"]
        out += [_line(f) for f in r.reasons]
        if r.obligations:
            out += [f"{asks}:", *(_line(f) for f in r.obligations)]
        if r.unknown_facts:
            out += [f"{change}:"]
            out += [f"  - {u.effect} ({question(u.fact, lang)})" for u in r.unknown_facts]
        cited.update({f.citation.n: f.citation for f in (*r.reasons, *r.obligations)})
    out += ["", f"{sources}:"]
    for n in sorted(cited):
        c = cited[n]
        quote = " ".join(c.quote.split())
        quote = quote if len(quote) <= MEMO_QUOTE_CHARS else quote[:MEMO_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        out += [f"[{n}] {c.label} — {c.url}", f"    “{quote}”"]
    return "\n".join(out)


def memo_markdown(a: Assessment) -> str:
    """The memo for export: the same text, in Markdown (headings per text, quotes as block quotes)."""
    lang = a.lang if a.lang in _HEADINGS else "en"
    title, why, asks, change, _sources = _HEADINGS[lang]
    labels = STATUS_LABELS[lang]
    out = [f"# {title}", "", f"*{NOT_LEGAL_ADVICE[lang]}*", ""]
    for r in a.results:
        out += [f"## {r.short_title} ({r.jurisdiction}) — {labels[r.status]}", "", f"**{why}**", ""]
        for f in r.reasons:
            out += _md_finding(f)
        if r.obligations:
            out += [f"**{asks}**", ""]
            for f in r.obligations:
                out += _md_finding(f)
        if r.unknown_facts:
            out += [f"**{change}**", "", *(f"- {u.effect}" for u in r.unknown_facts), ""]
    return "\n".join(out)


def _md_finding(f: Finding) -> list[str]:
    c = f.citation
    quote = " ".join(c.quote.split())
    return [f"- {f.text} — *{c.label}* ([source]({c.url}))", f"  > {quote}", ""]
