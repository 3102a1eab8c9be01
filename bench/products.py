"""Exact dense search's matrix products at scale: the texts of one question as one matrix-matrix product
against one matrix-vector product (GEMV) per text, over a random float32 matrix of N × 384 (synthetic: the
cost does not depend on what the vectors hold).

    python bench/products.py [--chunks 100000] [--repeat 30]

Prints, per number of texts, the p50 milliseconds of both and whether their rows are bit-identical, then one
GEMV over a float16 copy of the matrix (numpy has no half-precision BLAS: it loops in C, or converts first);
the last line is JSON. See docs/benchmarks.md (why search/dense.py makes one GEMV per text).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

import numpy as np


def _p50_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((args.chunks, args.dim)).astype(np.float32)
    out = {}
    for n in (1, 2, 3):
        texts = rng.standard_normal((n, args.dim)).astype(np.float32)
        together = _p50_ms(lambda t=texts: t @ matrix.T, args.repeat)
        each = _p50_ms(lambda t=texts: [matrix @ v for v in t], args.repeat)
        same = all(np.array_equal(a, b) for a, b in zip(texts @ matrix.T, [matrix @ v for v in texts], strict=True))
        out[str(n)] = {"one_product_ms": together, "gemv_each_ms": each, "identical": same}
        print(f"{n} text(s): one product {together} ms, one GEMV per text {each} ms, identical rows: {same}")
    half, vector = matrix.astype(np.float16), texts[0]
    out["float16"] = {
        "gemv_float32_ms": _p50_ms(lambda: matrix @ vector, args.repeat),
        "gemv_float16_ms": _p50_ms(lambda: half @ vector.astype(np.float16), args.repeat),
        "converted_then_gemv_ms": _p50_ms(lambda: half.astype(np.float32) @ vector, args.repeat),
    }
    print("one GEMV: " + ", ".join(f"{k} {v}" for k, v in out["float16"].items()))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
