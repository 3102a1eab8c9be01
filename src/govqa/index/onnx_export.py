"""What both ONNX encoders share: exporting a BERT once (traced by torch, fused by ONNX Runtime's optimizer)
into a file written atomically, its int8 copies (`embedding.onnx_precision`, `e5_precision`), and opening
either in a session that does not spin between calls.

The int8 copy is ONNX Runtime's dynamic quantisation of the fused fp32 graph: the weights of every MatMul and
fused Attention stored as int8 per output channel, activations quantised on the fly per batch. It is made
offline from the fp32 file (itself made from the packaged weights), beside it in `onnx_dir`, once.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from govqa.errors import ConfigError

log = logging.getLogger(__name__)


def export_once(target: Path, build: Callable[[Path], None], *, num_heads: int, hidden: int, fix: str) -> Path:
    """`target`, built on first use: `build(raw)` writes the traced graph, which is fused into `target`.

    The file is written under a temporary name and renamed, so a concurrent process sees no file or a whole
    one. Any failure is a ConfigError that ends with `fix`."""
    if target.is_file():
        return target
    raw = target.with_suffix(f".{os.getpid()}.raw")
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    log.info("Exporting an embedding model to ONNX once: %s", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        build(raw)
        optimise_bert(raw, tmp, num_heads=num_heads, hidden=hidden)
        os.replace(tmp, target)
    except ConfigError:
        raise
    except Exception as exc:  # torch and onnx raise many types; the fix is the same
        raise ConfigError(f"Exporting {target.name} to ONNX failed ({type(exc).__name__}: {exc}); {fix}") from exc
    finally:
        raw.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return target


def with_precision(fp32: Path, precision: str, fix: str) -> Path:
    """The graph to run for `precision`: the fp32 export itself, or its int8 / int8-mixed copy beside it."""
    if precision == "fp32":
        return fp32
    if precision not in QUANT_RECIPES:
        raise ConfigError(f"Unknown ONNX precision {precision!r}: use fp32, {', '.join(QUANT_RECIPES)}.")
    return quantised_once(fp32, fix, mixed=precision == "int8-mixed")


def quantised_once(source: Path, fix: str, *, mixed: bool = False) -> Path:
    """The int8 copy of the fp32 graph `source`, made beside it on first use (written atomically, like the export).

    mixed: the feed-forward down-projections stay fp32 (see quantise_int8)."""
    target = source.with_name(f"{source.stem}.{QUANT_RECIPES['int8-mixed' if mixed else 'int8']}.onnx")
    if target.is_file():
        return target
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    log.info("Quantising an embedding model to int8 once: %s", target)
    try:
        quantise_int8(source, tmp, mixed=mixed)
        os.replace(tmp, target)
    except Exception as exc:  # onnx and onnxruntime raise many types; the fix is the same
        raise ConfigError(f"Quantising {source.name} to int8 failed ({type(exc).__name__}: {exc}); {fix}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


# Bump a recipe when it changes, so files quantised the old way are not reused.
QUANT_RECIPES = {"int8": "int8-dyn-pc-v1", "int8-mixed": "int8-dyn-pc-ffnout-fp32-v1"}


def quantise_int8(source: Path, out: Path, *, mixed: bool = False) -> None:
    """Dynamic int8 quantisation of MatMul and Attention weights, per output channel: on 120 chunk-sized texts
    MiniLM kept cosine 0.995 to fp32 (one scale per tensor: 0.948) and embedded 1.75x faster.

    mixed keeps the feed-forward down-projections (the MatMuls whose weight has more rows than columns, fed by
    GELU) in fp32: their inputs have the widest range, and on the corpus's chunks e5 kept cosine 0.9992 to fp32
    instead of 0.997, for 0.63x the CPU of fp32 instead of 0.44x (docs/benchmarks.md)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    # quantize_dynamic logs "please run pre-processing" on the root logger: that step (shape inference and
    # fusion) is what optimise_bert already did. A filter on the root logger itself drops only records logged
    # on it directly, not those of other loggers passing through its handlers.
    quiet = logging.Filter("govqa-never-matches")
    root.addFilter(quiet)
    with warnings.catch_warnings(), _removed_after(root, quiet):
        warnings.simplefilter("ignore")
        quantize_dynamic(
            str(source),
            str(out),
            op_types_to_quantize=["MatMul", "Attention"],
            per_channel=True,
            weight_type=QuantType.QInt8,
            nodes_to_exclude=_down_projections(source) if mixed else [],
            # shape inference cannot type the outputs of the fused com.microsoft nodes; they are all float
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )


def _down_projections(path: Path) -> list[str]:
    """Names of the MatMul nodes whose constant weight is taller than wide: a BERT's feed-forward output."""
    import onnx

    graph = onnx.load(str(path)).graph
    shapes = {init.name: tuple(init.dims) for init in graph.initializer}
    tall = {name for name, dims in shapes.items() if len(dims) == 2 and dims[0] > dims[1]}
    return [n.name for n in graph.node if n.op_type == "MatMul" and tall.intersection(n.input)]


@contextmanager
def _removed_after(logger: logging.Logger, quiet: logging.Filter) -> Iterator[None]:
    try:
        yield
    finally:
        logger.removeFilter(quiet)


def trace(module: Any, example: tuple[Any, ...], input_names: Sequence[str], out: Path) -> None:
    """Export a torch module returning the last hidden state, with batch and token axes left dynamic."""
    import torch

    names = list(input_names)
    with warnings.catch_warnings(), torch.no_grad():
        # The tracer warns that Python conditions become constants; they depend on no input shape here,
        # and the tests check the exported vectors against each model's reference encoder.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            example,
            str(out),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )


def optimise_bert(raw: Path, out: Path, *, num_heads: int, hidden: int) -> None:
    """Fuse attention, LayerNorm and GELU (graph fusions only: the file stays portable across CPUs)."""
    from onnxruntime.transformers import optimizer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # fusion progress notes; the result is checked by the tests
        model = optimizer.optimize_model(
            str(raw), model_type="bert", num_heads=num_heads, hidden_size=hidden, opt_level=1
        )
        model.save_model_to_file(str(out))


def open_session(path: Path, threads: int) -> Any:
    """An ONNX Runtime session on the CPU; a damaged file is removed (exported again next time)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Idle workers must not spin: between question embeddings the same two cores run numpy and BM25.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        path.unlink(missing_ok=True)
        raise ConfigError(f"The exported model {path} is unreadable ({exc}); it was removed, run again.") from exc
