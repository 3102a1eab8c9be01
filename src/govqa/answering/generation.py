"""The LLM answer chain: extractive first, then a model over the extractive answer's evidence, then verification.

    question ─► Answerer (extractive) ─► refused? ─► yes: the refusal, no model call
                                             │ no
                                             ▼
              its quotes, numbered as it cites them (instruction-like sentences withheld)
                                             │
                                             ▼
              prompts/ (fixed prefix first, so a local model re-uses it) ─► chat model (streamed)
                                             │
                                             ▼
              each line checked (govqa.answering.verify) ─► verified lines with citations built from provenance
                                             │
                      nothing verified / model failed or timed out ─► the extractive answer, and a notice saying why

Only verified quotes are ever shown: citations are built from the passages' records at the offsets where
each quote was found, never from the model's text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser

from govqa.answering.extractive import NOT_LEGAL_ADVICE, REFUSAL, Answerer, Quote, settings_hash
from govqa.answering.llm import build_chat_model, describe
from govqa.answering.prompts import LLM_MODES, PassageView, PromptSet, load_prompts
from govqa.answering.verify import Checked, Line, check_line, check_output, withhold_instructions
from govqa.errors import LLMTimeoutError
from govqa.index.embedders import EmbedderFactory
from govqa.records import Answer
from govqa.search.retriever import Filters, Retriever, build_retriever
from govqa.settings import Settings

OnLine = Callable[[str], None]
_MESSAGE = {"system": SystemMessage, "human": HumanMessage, "ai": AIMessage}


def evidence(base: Answer, limit: int) -> list[Quote]:
    """The extractive answer's first `limit` quotes in citation order (quote n is its citation [n]), each
    located in the passage it was cut from. The model reads these rather than whole passages: a few sentences
    cost a small model a fraction of the prompt time, and they are the ones the extractive engine judged best."""
    out: list[Quote] = []
    for c in base.citations[:limit]:
        for p in base.passages:
            ch = p.chunk
            if ch.doc_id == c.doc_id and ch.char_start <= c.quote_start and c.quote_end <= ch.char_end:
                out.append(Quote(p, c.quote_start - ch.char_start, c.quote_end - ch.char_start, 1.0))
                break
    return out


def evidence_views(quotes: Sequence[Quote]) -> list[PassageView]:
    """The evidence as the model sees it: sentences that address a model are withheld."""
    return [
        (
            q.passage.document.short_title if q.passage.document else q.passage.chunk.doc_id,
            q.passage.chunk.locator,
            q.passage.chunk.page_at(q.start),
            withhold_instructions(q.text),
        )
        for q in quotes
    ]


class LLMAnswerer(Answerer):
    """An `Answerer` whose ask/claim/applies/compare answers are written by a chat model and verified.
    Quote mode stays extractive: the provision itself is the answer."""

    def __init__(
        self,
        settings: Settings,
        llm: BaseChatModel,
        retriever: Retriever | None = None,
        prompts: PromptSet | None = None,
    ) -> None:
        super().__init__(settings, retriever)
        self.llm = llm
        self.prompts = prompts or load_prompts()
        self.engine = describe(settings) if settings.llm.backend != "none" else f"LLM ({llm._llm_type})"

    def answer(
        self, question: str, *, mode: str = "ask", filters: Filters | None = None, on_line: OnLine | None = None
    ) -> Answer:
        base = super().answer(question, mode=mode, filters=filters)
        if mode not in LLM_MODES or base.refused:
            return base
        quotes = evidence(base, self.settings.llm.passages)
        if not quotes:
            return base
        messages = self.prompts.messages(mode, base.question, evidence_views(quotes), REFUSAL)
        started = time.perf_counter()
        try:
            output, first_token = self._generate(messages, quotes, on_line)
        except LLMTimeoutError as exc:  # the backend stopped the model at settings.llm.timeout_s
            return replace(
                base,
                notice=f"The {self.engine} took longer than {exc.timeout_s:g} s and was stopped "
                "(GOVQA_LLM__TIMEOUT_S); this is the extractive answer.",
            )
        except Exception as exc:  # any backend failure (connection, timeout, model error) falls back
            return replace(
                base,
                notice=f"The {self.engine} did not answer ({type(exc).__name__}: "
                f"{str(exc)[:200]}); this is the extractive answer.",
            )
        timings = {"first_token_s": first_token, "total_s": time.perf_counter() - started}
        instructions = "\n".join(text for role, text in messages if role == "system") + self.prompts.modes[mode]
        checked = check_output(output, [q.text for q in quotes], refusal=REFUSAL, instructions=instructions)
        return self._compose_checked(base, mode, quotes, checked, timings)

    def _generate(
        self, messages: list[tuple[str, str]], quotes: Sequence[Quote], on_line: OnLine | None
    ) -> tuple[str, float | None]:
        """Stream the model's output; each finished line that passes verification goes to `on_line` at once."""
        chain = self.llm | StrOutputParser()
        lc_messages: list[BaseMessage] = [_MESSAGE[role](content=text) for role, text in messages]
        started = time.perf_counter()
        first: float | None = None
        text, pending = "", ""
        texts = [q.text for q in quotes]
        for token in chain.stream(lc_messages):
            if first is None:
                first = time.perf_counter() - started
            text += token
            pending += token
            while on_line and "\n" in pending:
                line, pending = pending.split("\n", 1)
                self._emit(line, texts, on_line)
        if on_line and pending.strip():
            self._emit(pending, texts, on_line)
        return text, first

    @staticmethod
    def _emit(line: str, texts: list[str], on_line: OnLine) -> None:
        result = check_line(line, texts) if line.strip() else None
        if isinstance(result, Line):
            on_line(result.statement)

    def _compose_checked(
        self, base: Answer, mode: str, given: Sequence[Quote], checked: Checked, timings: dict[str, float | None]
    ) -> Answer:
        """The verified lines as the answer, cited where their quotes stand in the passages; the extractive
        answer with a notice when none verifies."""
        # Kept whole: the fallback, the citations and the lines share the one count of what verification kept.
        supported = [ln for ln in checked.lines if ln.support]
        model_lines = (len(checked.lines) + len(checked.dropped), len(checked.dropped))
        dropped = "; ".join(f"“{line[:60]}” ({why})" for line, why in checked.dropped[:3])
        if not supported:
            why = (
                "the model found no answer in these passages"
                if checked.refused
                else f"none of the model's {len(checked.dropped)} line(s) had a quote that stands in the passages"
            )
            return replace(
                base,
                notice=f"The {self.engine} was not used: {why}; this is the extractive answer.",
                timings=timings,
                model_lines=model_lines,
            )
        # A quote's offsets are inside its evidence sentence; the citation needs them inside the passage.
        quotes = []
        for ln in supported:
            for s in ln.support:
                ev = given[s.passage]
                quotes.append(Quote(ev.passage, ev.start + s.start, ev.start + s.end, 1.0))
        cites, index = self._cite(quotes)
        lines, i = [], 0
        for ln in checked.lines:
            marks = "".join(f"[{index[i + j]}]" for j in range(len(ln.support)))
            i += len(ln.support)
            lines.append(f"- {ln.statement} {marks}".rstrip() if ln.statement else f"- {marks}")
        if mode == "applies":
            lines.append(NOT_LEGAL_ADVICE)
        verdict, reason, check = base.verdict, base.verdict_reason, base.verdict_check
        if mode == "claim" and checked.verdict:
            verdict = checked.verdict  # type: ignore[assignment]
            reason = checked.verdict_reason or f"The model's verdict, over the {len(cites)} verified quote(s) shown."
            check = "model"
        notice = f"{len(checked.dropped)} line(s) of the model's answer were removed: {dropped}." if dropped else ""
        return Answer(
            base.question,
            mode,
            "\n".join(lines),
            tuple(cites),
            verdict=verdict,
            verdict_reason=reason,
            verdict_check=check,
            engine=self.engine,
            notice=notice,
            passages=base.passages,
            settings_hash=settings_hash(self.settings),
            timings=timings,
            model_lines=model_lines,
        )


def make_answerer(
    settings: Settings,
    *,
    llm: BaseChatModel | None = None,
    retriever: Retriever | None = None,
    embedders: EmbedderFactory | None = None,
) -> Answerer:
    """The answerer the settings ask for: extractive, or an LLM engine (`llm` given, or built from settings).
    `embedders` builds the embedding models (default: the packaged ones the settings name)."""
    if retriever is None and embedders is not None:
        retriever = build_retriever(settings, embedders=embedders(settings))
    model = llm if llm is not None else build_chat_model(settings)
    if model is None:
        return Answerer(settings, retriever)
    return LLMAnswerer(settings, model, retriever)


def answer(
    question: str,
    settings: Settings,
    *,
    mode: str = "ask",
    filters: Filters | None = None,
    llm: BaseChatModel | None = None,
    answerer: Answerer | None = None,
) -> Answer:
    """Answer with citations: extractive by default, through `llm` (or the configured backend) when there is one."""
    return (answerer or make_answerer(settings, llm=llm)).answer(question, mode=mode, filters=filters)
