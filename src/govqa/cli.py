"""The `govqa` command: thin wrappers over the library. Errors print as one line, exit code 1/2."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govqa import GovQAError, IndexMissingError, Settings, assess_file
from govqa.workflows.commands import add_parsers as add_workflow_parsers

if TYPE_CHECKING:
    from govqa import DocReport
    from govqa.index.embedders import EmbedderFactory


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "mirror", None):
        overrides["corpus_mirror"] = Path(args.mirror)
    if getattr(args, "index_dir", None):
        overrides["index_dir"] = Path(args.index_dir)
    settings = Settings(**overrides)
    if getattr(args, "llm", None):  # --llm picks the answer engine for this run
        settings = settings.model_copy(update={"llm": settings.llm.model_copy(update={"backend": args.llm})})
    return settings


def _embedders(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    """The embedding models: the packaged ones, or those of the factory `main` was given."""
    from govqa import build_embedders

    factory = getattr(args, "embedder_factory", None)
    return dict((factory or build_embedders)(settings))


def cmd_corpus(args: argparse.Namespace) -> int:
    from govqa.corpus import fetch, http_download, load_manifest, repin, status

    settings = _settings(args)
    manifest = load_manifest(settings.manifest)
    docs = [manifest.get(i) for i in args.doc] if args.doc else list(manifest.documents)
    bad = 0
    for doc in docs:
        if args.action == "status":
            result = status(doc, settings.cache_dir, settings.corpus_mirror)
        else:
            download = None if args.offline else http_download(settings.http_timeout_s, _download_progress(doc.id))
            try:
                result = fetch(
                    doc,
                    settings.cache_dir,
                    settings.corpus_mirror,
                    download=download,
                    accept_new_checksum=args.accept_new_checksum,
                )
            except GovQAError as exc:
                print(f"{doc.id:<52} mismatch     {exc}", file=sys.stderr)
                bad += 1
                continue
            if result.new_sha256:
                repin(settings.manifest, doc, result.new_sha256)
        bad += result.state != "verified"
        print(f"{doc.id:<52} {result.state:<12} {result.origin:<7} {result.detail}")
    for ref in manifest.references:
        print(f"{ref.id:<52} {'not mirrored':<12}         {ref.official_url}")
    return 1 if bad else 0


def _download_progress(doc_id: str) -> Callable[[int, int | None], None]:
    def progress(done: int, total: int | None) -> None:
        pct = f"{100 * done / total:5.1f}%" if total else f"{done // 1024} KiB"
        print(f"\r  downloading {doc_id}: {pct}", end="", file=sys.stderr, flush=True)

    return progress


_ROW = "{:<52} {:<10} {:>5} {:>6} {:>8} {:>8}"


def _report_row(r: DocReport) -> str:
    return _ROW.format(r.doc_id, r.state, r.pages, r.chunks, r.embedded, f"{r.seconds:.1f}")


def _ingest_reports(
    args: argparse.Namespace, settings: Settings, manifest: Any, embedders: Any, progress: Any
) -> list[DocReport]:
    """Ingest the manifest (or add one file), printing each document's row as it finishes."""
    from govqa import add_document, ingest

    def finished(report: DocReport) -> None:
        print(_report_row(report), flush=True)

    if not args.add:
        return ingest(
            settings,
            doc_ids=args.doc or None,
            manifest=manifest,
            embedders=embedders,
            rebuild=args.rebuild,
            progress=progress,
            on_document=finished,
        )
    report = add_document(
        settings,
        Path(args.add),
        title=args.title,
        short_title=args.short_title,
        jurisdiction=args.jurisdiction,
        language=args.language,
        embedders=embedders,
        progress=progress,
    )
    finished(report)
    return [report]


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from govqa import DocReport, load_corpus
    from govqa.index.embedders import embedder_name

    settings = _settings(args)
    manifest = None if args.add else load_corpus(settings.manifest, settings.cache_dir)
    count = 1 if manifest is None else len(manifest.select(args.doc))  # an unknown --doc fails before models load
    print(f"govqa ingest: {count} document{'s' * (count != 1)}; loading the embedding models…", flush=True)
    embedders = _embedders(args, settings)
    names = ", ".join(f"{index}: {embedder_name(e)}" for index, e in embedders.items())
    print(f"models: {names}", flush=True)
    print(_ROW.format("document", "state", "pages", "chunks", "embedded", "seconds"), flush=True)
    # A live bar only on a terminal; a log or a pipe gets one line per document as it finishes.
    with Progress(transient=True, console=Console(stderr=True), disable=not sys.stderr.isatty()) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(f"embedding {label}", total=total)
            bar.update(tasks[label], completed=done)

        reports = _ingest_reports(args, settings, manifest, embedders, progress)
    total = DocReport("total", "", *(sum(getattr(r, f) for r in reports) for f in ("pages", "chunks", "embedded")))
    print(_report_row(replace(total, seconds=sum(r.seconds for r in reports))))
    failed = [r for r in reports if r.state == "failed"]
    for r in failed:
        print(f"error: {r.error if r.error.startswith(r.doc_id) else f'{r.doc_id}: {r.error}'}", file=sys.stderr)
    return 1 if failed else 0


def cmd_chunks(args: argparse.Namespace) -> int:
    from govqa import load_corpus
    from govqa.index.embedders import embedder_name, expected_model_names
    from govqa.index.store import ChromaStore

    settings = _settings(args)
    factory = getattr(args, "embedder_factory", None)
    # reading needs no model, only the names the index must have been built with
    names = {k: embedder_name(e) for k, e in factory(settings).items()} if factory else expected_model_names(settings)
    store = ChromaStore(settings, model_names=names)
    if args.doc:
        load_corpus(settings.manifest, settings.cache_dir).get(args.doc)  # an unknown id: error with the known ids
    printed = 0
    for c in store.chunks(args.doc):
        printed += 1
        record = {
            "id": c.id,
            "doc": c.doc_id,
            "locator": c.locator,
            "heading_path": list(c.heading_path),
            "page_start": c.page_start,
            "page_end": c.page_end,
            "char_start": c.char_start,
            "char_end": c.char_end,
            "lang": c.lang,
            "roles": list(c.roles),
            "text": c.text,
        }
        if args.jsonl:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{c.doc_id}  {c.locator}  {c.page_label}  {c.text[:80]!r}")
    if args.doc and not printed:
        raise IndexMissingError(
            f"{args.doc} is in the manifest but has no chunks in {settings.index_dir}: run `govqa ingest`."
        )
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from govqa import chunk_document, load_manifest, require_file
    from govqa.documents.roles import OBLIGATION, PARTY_DEFINITION, role_counts

    settings = _settings(args)
    doc = load_manifest(settings.manifest).get(args.doc_id)
    chunks, pages = chunk_document(doc, require_file(doc, settings.cache_dir, settings.corpus_mirror), settings)
    for c in chunks:
        print(f"{c.locator:<40} {c.page_label:<10} {len(c.text):>5}  {c.heading[:90]}  [{' '.join(c.roles)}]")
    counts = role_counts(chunks)
    print(f"definitions of parties (who it binds or protects): {counts[PARTY_DEFINITION]}")
    print("roles: " + ", ".join(f"{role} {n}" for role, n in counts.items() if ":" not in role))
    addressees = [
        f"{role.removeprefix(OBLIGATION + ':')} {n}" for role, n in counts.items() if role.startswith(f"{OBLIGATION}:")
    ]
    print(f"obligation addressees: {', '.join(addressees) or 'none named'}")
    print(f"{len(chunks)} chunks, {len({c.locator for c in chunks})} locators, {pages} pages")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from govqa import Filters, answer_json, check_question, make_answerer
    from govqa.answering.llm import describe

    check_question(args.question)  # an unusable question is refused before any model or index is loaded
    settings = _settings(args)
    filters = Filters(
        jurisdictions=tuple(args.jurisdiction or ()),
        doc_ids=tuple(args.doc or ()),
        include_superseded=args.include_superseded or None,
    )
    answerer = make_answerer(settings, embedders=getattr(args, "embedder_factory", None))
    stream = None
    if settings.llm.backend != "none" and not args.json:
        print(f"Answering with the {describe(settings)}; verified lines appear as they are checked:", file=sys.stderr)

        def stream(line: str) -> None:
            print(f"  … {line}", file=sys.stderr, flush=True)

    if args.explain:  # how the question was read: what retrieval acts on
        reading = answerer.retriever.analyze(args.question).summary()
        print("How the question was read:", file=sys.stderr)
        for key, value in reading.items():
            print(f"  {key}: {json.dumps(value, ensure_ascii=False)}", file=sys.stderr)
    ans = answerer.answer(args.question, mode=args.mode, filters=filters, on_line=stream)
    if args.json:
        print(answer_json(ans))
        return 0
    if ans.short_answer:
        print(f"{ans.short_answer}\n")
    print(ans.text)
    if ans.verdict:
        print(f"\nVerdict: {ans.verdict} — {ans.verdict_reason}")
    if ans.citations:
        print("\nCitations:")
    for c in ans.citations:
        print(f"[{c.n}] {c.label} — {c.url}")
        if c.also_in:
            print(f"    also in: {'; '.join(c.also_in)}")
        print(f"    “{' '.join(c.quote.split())}”")
    if ans.notice:
        print(f"\nNote: {ans.notice}")
    if ans.refused and ans.passages:
        print("\nClosest passages found (they do not answer the question):")
        for p in ans.passages[:3]:
            title = p.document.short_title if p.document else p.chunk.doc_id
            print(f"  - {title}, {p.chunk.locator} {p.chunk.page_label}".rstrip())
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from govqa import evaluation as ev
    from govqa import make_answerer

    settings = _settings(args)
    answerer = make_answerer(settings, embedders=getattr(args, "embedder_factory", None))
    items = [item for path in args.questions for item in ev.load_questions(Path(path))]
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(Path(args.dump).open("w", encoding="utf-8")) if args.dump else None

        def dump(record: dict[str, Any]) -> None:
            if out:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

        results = ev.evaluate_answers(
            items, answerer, k=args.k, dump=dump, group=ev.halves_and_language if args.halves else None
        )
    if args.halves or args.markdown or args.by_check:
        names = ", ".join(Path(p).name for p in args.questions)
        print(ev.format_summary(results, markdown=args.markdown, title=f"{names}: {ev.run_label()}"))
        if args.by_check and (claims := results["all"].answers.claim_outcomes):
            print(f"\n{ev.format_checks(claims, markdown=args.markdown, title='claims by deciding check')}")
        return 0
    print(ev.format_report(results["all"].retrieval))
    print()
    for key, value in results["all"].answers.metrics().items():
        print(f"{key:<24} {value:.3f}")
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    print(assess_file(_settings(args), Path(args.facts), lang=args.lang, as_json=args.json))
    return 0


def build_parser() -> argparse.ArgumentParser:
    # Longer than a screen on purpose: a flat table of subcommands and their flags reads better in one place.
    parser = argparse.ArgumentParser(prog="govqa", description="Cited answers about AI-governance texts.")
    parser.add_argument("--index-dir", help="index folder (default: GOVQA_INDEX_DIR or .govqa/index)")
    sub = parser.add_subparsers(dest="command", required=True)

    corpus = sub.add_parser("corpus", help="obtain and verify the corpus files")
    corpus.add_argument("action", choices=["fetch", "status"])
    corpus.add_argument("--mirror", help="local folder with corpus files (or GOVQA_CORPUS_MIRROR)")
    corpus.add_argument("--doc", action="append", help="only this document id (repeatable)")
    corpus.add_argument("--offline", action="store_true", help="never download; cache and mirror only")
    corpus.add_argument(
        "--accept-new-checksum",
        action="store_true",
        help="keep a file whose sha256 differs and re-pin it in the manifest",
    )
    corpus.set_defaults(func=cmd_corpus)

    ing = sub.add_parser("ingest", help="parse, chunk, embed and store the corpus")
    ing.add_argument("--mirror", help="local folder with corpus files (or GOVQA_CORPUS_MIRROR)")
    ing.add_argument("--doc", action="append", help="only this document id (repeatable)")
    ing.add_argument("--rebuild", action="store_true", help="drop the index and build it anew")
    ing.add_argument("--add", metavar="FILE", help="add your own PDF, law XML or text file")
    ing.add_argument("--title", help="title of the --add document")
    ing.add_argument("--short-title", help="short title of the --add document")
    ing.add_argument("--jurisdiction", default="", help="jurisdiction code of the --add document (JP, EU…)")
    ing.add_argument("--language", default="en", help="language of the --add document")
    ing.set_defaults(func=cmd_ingest)

    chunks = sub.add_parser("chunks", help="print the stored chunks")
    chunks.add_argument("--doc", help="only this document id")
    chunks.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    chunks.set_defaults(func=cmd_chunks)

    insp = sub.add_parser("inspect", help="show how a document is cut into units and their roles (no index needed)")
    insp.add_argument("doc_id")
    insp.add_argument("--mirror", help="local folder with corpus files (or GOVQA_CORPUS_MIRROR)")
    insp.set_defaults(func=cmd_inspect)

    ask = sub.add_parser("ask", help="ask a question; prints a cited answer (extractive unless --llm)")
    ask.add_argument("question")
    ask.add_argument(
        "--mode",
        default="ask",
        choices=["ask", "claim", "applies", "compare", "quote"],
        help="ask (default), claim check, does-this-apply, compare jurisdictions, quote a provision",
    )
    ask.add_argument("--jurisdiction", action="append", help="only this jurisdiction (repeatable)")
    ask.add_argument("--doc", action="append", help="only this document id (repeatable)")
    ask.add_argument("--include-superseded", action="store_true", help="also search superseded/revoked texts")
    ask.add_argument("--json", action="store_true", help="print JSON")
    ask.add_argument(
        "--explain", action="store_true", help="first print how the question was read (route, roles, terms…)"
    )
    ask.add_argument(
        "--llm",
        choices=["none", "llamacpp", "openai"],
        help="answer engine for this run (default: GOVQA_LLM__BACKEND, else extractive)",
    )
    ask.set_defaults(func=cmd_ask)

    ev = sub.add_parser("eval", help="score retrieval on a question set (FORMAT.md)")
    ev.add_argument("questions", nargs="+", help="one or more question files (FORMAT.md), scored together")
    ev.add_argument("--k", type=int, default=10)
    ev.add_argument("--dump", help="write one JSON result per question here")
    ev.add_argument(
        "--halves", action="store_true", help="also score the odd-id and even-id halves, and Japanese questions, apart"
    )
    ev.add_argument("--markdown", action="store_true", help="a summary table to paste, with commit and date")
    ev.add_argument("--by-check", action="store_true", help="also count claims by the check that decided them")
    ev.add_argument("--llm", choices=["none", "llamacpp", "openai"], help="answer engine (default: settings)")
    ev.set_defaults(func=cmd_eval)
    assess = sub.add_parser("assess", help="does this apply to me? every text's status, reasons and duties, cited")
    assess.add_argument("--facts", required=True, help="facts JSON file (schema: docs/assessment.md)")
    assess.add_argument("--json", action="store_true", help="print JSON")
    assess.add_argument("--lang", choices=["en", "ja"], default="en", help="language of the memo")
    assess.set_defaults(func=cmd_assess)
    add_workflow_parsers(sub, _settings)  # cite, diff
    return parser


def main(argv: Sequence[str] | None = None, *, embedders: EmbedderFactory | None = None) -> int:
    """Run one command; `embedders` builds the embedding models instead of the packaged ones (tests)."""
    args = build_parser().parse_args(argv)
    args.embedder_factory = embedders
    try:
        return int(args.func(args))
    except GovQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
