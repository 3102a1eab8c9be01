"""The package's shape: stages import only from the stages before them, no import cycles, modules and functions
that fit on a screen, and a public API that resolves without loading anything heavy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import govqa

PACKAGE = Path(govqa.__file__).parent
# Bottom to top: the data flows this way, and so may imports (a module may import its own layer or below).
LAYERS = {
    "govqa.errors": 0,
    "govqa.settings": 0,
    "govqa.records": 0,
    "govqa.text": 0,
    "govqa.messages": 0,
    "govqa.corpus": 1,
    "govqa.documents": 2,
    "govqa.index": 3,
    "govqa.search": 4,
    "govqa.answering": 5,
    "govqa.assessment": 5,  # beside answering: reads the index's chunks, never answering's internals
    "govqa.ui": 6,
    "govqa.workflows": 6,  # citation packs, version diffs: jobs over the library, beside the UI helpers
    "govqa.evaluation": 7,
    "govqa.claim_scores": 7,  # claim verdict scores, which evaluation.py keeps per claim
    "govqa.cli": 8,
    "govqa": 8,  # the public API re-exports every stage: only the CLI, at the top, imports through it
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    """The layer of a module: its own entry, else its stage package's."""
    while module not in LAYERS:
        module = module.rpartition(".")[0]
    return LAYERS[module]


def govqa_imports(tree: ast.Module, name: str, *, is_package: bool) -> set[str]:
    """Every govqa module a module imports, at module level or inside functions (TYPE_CHECKING blocks too)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "govqa"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = name if is_package else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.split(".")[0] == "govqa":
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = govqa_imports(tree, name, is_package=path.name == "__init__.py") - {name}
    return graph


GRAPH = import_graph()


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m != "govqa"))
def test_a_module_imports_only_its_own_stage_or_earlier_ones(module: str) -> None:
    """No upward import: a stage never reaches into a later one (the public API is for the CLI and the app)."""
    upward = sorted(target for target in GRAPH[module] if layer(target) > layer(module))
    assert not upward, f"{module} (layer {layer(module)}) imports later stages: {upward}"


def test_there_is_no_import_cycle() -> None:
    """The import graph among govqa's modules (package re-exports aside) has no cycle."""
    graph = {m: {t for t in targets if t in GRAPH and t != "govqa"} for m, targets in GRAPH.items() if m != "govqa"}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            # a package's __init__ importing its own submodules is how it re-exports them, not a cycle
            if target.startswith(module + "."):
                continue
            if state.get(target) == 1:
                raise AssertionError(" → ".join([*path, module, target]))
            if target not in state:
                visit(target, [*path, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The import check itself: a documents module importing search is caught."""
    tree = ast.parse("from govqa.search.retriever import Retriever\n")
    found = govqa_imports(tree, "govqa.documents.reader", is_package=False)
    assert found == {"govqa.search.retriever"}
    assert layer("govqa.search.retriever") > layer("govqa.documents.reader")


# The modules that read a question string: only search/analysis.py calls them, into QueryAnalysis.
QUESTION_READERS = {
    "govqa.search.query",
    "govqa.search.reading",
    "govqa.search.names",
    "govqa.search.routing",
    "govqa.documents.locators",
}
ANSWERING = sorted(PACKAGE.joinpath("answering").glob("*.py"))


def question_readers_imported(tree: ast.Module, name: str) -> set[str]:
    """The question-reading modules a module imports (the intent table's patterns are data, not a reader; its
    `asked_roles` is one)."""
    found = govqa_imports(tree, name, is_package=False) & QUESTION_READERS
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "govqa.search.intents":
            found |= {f"govqa.search.intents.{a.name}" for a in node.names if a.name == "asked_roles"}
    return found


@pytest.mark.parametrize("path", ANSWERING, ids=lambda p: p.name)
def test_answering_reads_the_question_s_record_not_the_question(path: Path) -> None:
    """The answering stage reads QueryAnalysis: no answering module imports a question parser."""
    name = module_name(path)
    assert not question_readers_imported(ast.parse(path.read_text(encoding="utf-8")), name)


def test_the_question_reader_check_sees_a_parser_import() -> None:
    """The check itself: an answering module importing the router's reader or `asked_roles` is caught."""
    tree = ast.parse(
        "from govqa.search.routing import question_language\nfrom govqa.search.intents import asked_roles\n"
    )
    found = question_readers_imported(tree, "govqa.answering.short")
    assert found == {"govqa.search.routing", "govqa.search.intents.asked_roles"}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    """No module over 400 lines: a module that grows past it holds two ideas."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_long_functions_say_why(path: Path) -> None:
    """A function over 50 lines carries a comment in its first lines saying why it is kept whole."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                body_start = node.body[0].lineno
                head = lines[node.lineno - 1 : body_start + 8]
                assert any(line.strip().startswith("#") for line in head), f"{node.name} is {length} lines"


def test_every_public_name_resolves() -> None:
    """Each name in govqa.__all__ loads from the module the API names."""
    for name in govqa.__all__:
        assert getattr(govqa, name) is not None, name
    with pytest.raises(AttributeError):
        _ = govqa.no_such_name  # type: ignore[attr-defined]


def test_importing_govqa_loads_no_models_or_database() -> None:
    """`import govqa` stays cheap: no Chroma, torch, ONNX Runtime or LangChain until a name is used."""
    heavy = ["chromadb", "torch", "onnxruntime", "langchain_core", "sentence_transformers"]
    code = f"import sys, govqa; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
