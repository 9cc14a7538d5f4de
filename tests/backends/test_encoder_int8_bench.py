"""bench/encoder_int8_parity.py: it skips cleanly without the eval data, and quantizes only the
dense MatMuls (those with a weight initializer) it is asked to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))


def test_skips_without_eval_data(tmp_path: Path) -> None:
    env = {**os.environ, "SUMMARIZE_EVAL_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "encoder_int8_parity.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("skipped:")


@pytest.mark.parametrize(
    ("which", "quantized"), [("dense", {"b1.qkv.mm", "b1.up.mm"}), ("ffn", {"b1.up.mm"})]
)
def test_quantize_picks_dense_matmuls(tmp_path: Path, which: str, quantized: set[str]) -> None:
    pytest.importorskip("onnxruntime.quantization")
    import numpy as np
    import onnx
    from encoder_int8_parity import quantize
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    weights = [
        numpy_helper.from_array(rng.standard_normal((4, 4)).astype(np.float32), n) for n in ("wq", "wu")
    ]
    nodes = [
        helper.make_node("MatMul", ["x", "wq"], ["b1.qkv.mm"]),
        helper.make_node("Transpose", ["b1.qkv.mm"], ["t"], perm=[1, 0]),
        helper.make_node("MatMul", ["b1.qkv.mm", "t"], ["b1.scores"]),  # activation x activation: kept fp32
        helper.make_node("MatMul", ["x", "wu"], ["b1.up.mm"]),
    ]
    graph = helper.make_graph(
        nodes,
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 4])],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in ("b1.scores", "b1.up.mm")],
        initializer=weights,
    )
    source = tmp_path / "g.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(source))
    out = quantize(source, tmp_path / "q.onnx", per_channel=True, which=which)
    model = onnx.load(str(out))
    integer = [n for n in model.graph.node if n.op_type == "MatMulInteger"]
    plain = {n.output[0] for n in model.graph.node if n.op_type == "MatMul"}
    assert len(integer) == len(quantized)
    assert "b1.scores" in plain
    assert not quantized & plain
    assert not (tmp_path / "q.named.onnx").exists()
