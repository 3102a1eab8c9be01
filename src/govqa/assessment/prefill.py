"""Facts read from a free-text question ("We are an Osaka company; our app generates product photos for shops
in Japan, France and Taiwan"), to pre-fill the assessment form from an `applies`-mode chat question.

Pure and conservative: a fact is set only when the words say it; everything else stays unknown (None), so the
form asks for it. Never a guess that could turn into "does not apply".
"""

from __future__ import annotations

import re
from dataclasses import replace

from govqa.assessment.facts import Facts, SystemFacts

# place words → jurisdiction code (EU member states and their cities count as EU)
_PLACES: dict[str, tuple[str, ...]] = {
    "JP": ("japan", "japanese", "tokyo", "osaka", "kyoto", "日本", "国内", "東京", "大阪"),
    "EU": ("eu", "europe", "european union", "france", "germany", "italy", "spain", "netherlands", "ireland",
           "poland", "sweden", "belgium", "austria", "paris", "berlin", "欧州", "ＥＵ", "フランス", "ドイツ"),
    "KR": ("korea", "korean", "seoul", "韓国", "한국"),
    "CN": ("china", "chinese", "prc", "beijing", "shanghai", "中国"),
    "US-CO": ("colorado", "denver", "コロラド"),
    "US": ("united states", "usa", "u.s.", "america", "california", "new york", "texas", "米国", "アメリカ"),
    "SG": ("singapore", "シンガポール"),
    "other": ("taiwan", "uk", "united kingdom", "india", "brazil", "canada", "australia", "台湾", "英国"),
}  # fmt: skip
_ESTABLISHED = re.compile(
    r"(?:we are|we're|i am|based in|headquartered in|established in|incorporated in|an?\s)\s*(?:an?\s)?"
    r"(?P<place>[\w .-]{2,30}?)(?:-based|\s+(?:company|firm|startup|business|based))",
    re.I,
)
_ROLE_WORDS = {
    "developer": ("develop", "train a model", "build a model", "開発"),
    "provider": ("we offer", "we sell", "our app", "our product", "our service", "we provide", "提供"),
    "deployer": ("we use", "we deploy", "using ai", "we are using", "導入", "利用して"),
    "importer": ("import",),
    "distributor": ("distribut", "resell"),
}
_DECISION_WORDS = {
    "employment": ("hiring", "recruit", "job applicant", "employment", "cv", "résumé", "resume", "採用"),
    "credit": ("credit", "loan", "lending", "融資", "与信"),
    "education": ("school", "student", "admission", "exam", "教育", "入試"),
    "housing": ("tenant", "housing", "rental", "住宅"),
    "insurance": ("insurance", "保険"),
    "healthcare": ("patient", "diagnos", "medical", "health care", "healthcare", "医療"),
}
_FLAG_WORDS = {
    "generative": ("generat", "llm", "image generator", "ad copy", "生成"),
    "interacts_with_people": ("chatbot", "chat bot", "assistant", "customers talk", "talks to", "チャットボット"),
    "uses_personal_data": ("personal data", "customer data", "personal information", "個人情報"),
    "emotion_recognition": ("emotion", "感情"),
    "biometric_identification": ("face recognition", "facial recognition", "biometric", "顔認証"),
    "general_purpose_model": ("foundation model", "general-purpose model", "general purpose ai model", "基盤モデル"),
}


def _places(text: str) -> list[str]:
    low = f" {text.lower()} "
    found = []
    for code, words in _PLACES.items():
        for w in words:
            hit = re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low) if w.isascii() else w in text
            if hit:
                found.append(code)
                break
    if "US-CO" in found and "US" in found:
        found.remove("US")
    return found


# A business naming its own role: "we are a provider of …", "as a deployer", "we're an importer".
_SELF = r"\b(?:we are|we're|we’re|i am|i'm|as)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?{role}s?\b"


def _names_itself(text: str, role: str) -> bool:
    return bool(re.search(_SELF.format(role=role), text, re.I))


def _any(text: str, words: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(w in low if w.isascii() else w in text for w in words)


def prefill_facts(question: str) -> Facts:
    """The facts a question states; unknown (None) for everything it does not."""
    established = None
    if m := _ESTABLISHED.search(question):
        established = tuple(_places(m.group("place"))) or None
    markets = tuple(_places(question)) or None
    roles = tuple(r for r, words in _ROLE_WORDS.items() if _any(question, words) or _names_itself(question, r)) or None
    decisions = tuple(d for d, words in _DECISION_WORDS.items() if _any(question, words)) or None
    flags = {flag: True for flag, words in _FLAG_WORDS.items() if _any(question, words)}
    return replace(
        Facts(),
        established_in=established,
        markets=markets,
        roles=roles,
        system=SystemFacts(**flags, consequential_decisions=decisions),  # type: ignore[arg-type]
    )
