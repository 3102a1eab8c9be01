"""The int8 copy of an exported graph: made once beside the fp32 file, smaller, and giving nearly the same output."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from govqa.errors import ConfigError
from govqa.index.onnx_export import QUANT_RECIPES, open_session, quantised_once

FIX = "set GOVQA_EMBEDDING__ONNX_PRECISION=fp32"


def _tiny_graph(path: Path, seed: int = 0) -> np.ndarray:
    """A one-MatMul graph y = x @ W (W 64x32, random): the node dynamic quantisation rewrites in the encoders."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    weights = np.random.default_rng(seed).normal(size=(64, 32)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "W"], ["y"])],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 64])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 32])],
        initializer=[numpy_helper.from_array(weights, "W")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))
    return weights


def test_the_int8_copy_is_made_beside_the_source_once_and_keeps_the_output(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Quantising a tiny MatMul graph writes `<name>.<recipe>.onnx` next to it, with int8 weights, outputs close
    to fp32 (cosine > 0.99 per row), and no advice about pre-processing in the log; a second call reuses the
    file instead of quantising again."""
    import onnx

    source = tmp_path / "tiny.onnx"
    weights = _tiny_graph(source)
    with caplog.at_level(logging.INFO):
        made = quantised_once(source, FIX)
    assert not [r for r in caplog.records if "pre-processing" in r.getMessage()]
    assert logging.getLogger().filters == []  # the quieting filter is gone again
    assert made == tmp_path / f"tiny.{QUANT_RECIPES['int8']}.onnx" and made.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name, made.name])  # no temporary left
    stored = {t.name: t.data_type for t in onnx.load(str(made)).graph.initializer}
    assert onnx.TensorProto.INT8 in stored.values() and onnx.TensorProto.FLOAT not in {
        v for k, v in stored.items() if k.startswith("W") and "scale" not in k
    }

    x = np.random.default_rng(1).normal(size=(8, 64)).astype(np.float32)
    (y8,) = open_session(made, 1).run(None, {"x": x})
    y32 = x @ weights
    cos = (y8 * y32).sum(1) / np.linalg.norm(y8, axis=1) / np.linalg.norm(y32, axis=1)
    assert cos.min() > 0.99
    assert not np.array_equal(y8, y32)  # it really runs int8 arithmetic, not the fp32 graph

    stamp = made.stat().st_mtime_ns
    assert quantised_once(source, FIX) == made
    assert made.stat().st_mtime_ns == stamp


def test_an_unreadable_graph_is_a_config_error_naming_it_and_the_fix(tmp_path: Path) -> None:
    """A damaged fp32 file fails with a ConfigError naming the file and the fix, and leaves no partial int8 file."""
    source = tmp_path / "broken.onnx"
    source.write_bytes(b"not an onnx graph")
    with pytest.raises(ConfigError, match=r"broken\.onnx.*ONNX_PRECISION=fp32"):
        quantised_once(source, FIX)
    assert [p.name for p in tmp_path.iterdir()] == ["broken.onnx"]
