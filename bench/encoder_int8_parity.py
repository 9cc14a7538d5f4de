"""Issue 15's int8 question: do the analyses' figures hold with a dynamic int8 encoder graph?

The int8 graphs are made in a temporary folder from the cached fp32 ONNX graph
(``summarize.backends.bert_onnx``, built and checked on first use) with
``onnxruntime.quantization.quantize_dynamic``; nothing is cached or shipped. Each one runs
through the ONNX Runtime path of the product: the encoder loaded with
``SUMMARIZE_ENCODER_RUNTIME=onnx``, its ``runner`` swapped for a ``bert_onnx.OrtBert`` over the
int8 file (tokens, packing, pooling and token states stay the numpy runtime's).

Runtimes, all in this process, against ``numpy`` (the default, the reference):
- ``onnx``: the opt-in fp32 ONNX Runtime graph;
- ``int8``: per-channel int8 weights on the dense MatMuls (query/key/value, attention output,
  both feed-forward matrices); attention's activation x activation products stay fp32;
- ``--variants`` adds ``int8-tensor`` (per-tensor weights) and ``int8-ffn`` (only the two
  feed-forward MatMuls, per-channel).
Measured:
- NYT (vader_nyt, all sentences): Pearson r of the shipped sentiment head's scores with the
  ratings, and the sentence cosine against numpy;
- BABE (babe_dev): each sentence analysed as a document with the shipped framing heads; the
  accuracy against the experts' label and the share of decisions that differ from numpy's;
- BASIL (basil_dev, 150 articles, ``analyze`` with framing): the share of sentence ``biased``
  decisions that differ from numpy's, and the mean |difference| of the sentence probability;
- SummEval: the extractive default summary's chosen sentences (and whether the encoder ran at
  all for it), and the forward pass's CPU seconds per article (each article's sentences, the
  framing layers kept, as the analyses ask), one thread.

Run: nice -n 10 .venv/bin/python bench/encoder_int8_parity.py [--nyt 0] [--babe 0] [--basil 0]
     [--summeval 40] [--variants]
Writes bench/results/encoder_int8_parity.{json,md}. Skips (exit 0) without ../shared/eval.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from basil import basil_folder, read_basil  # noqa: E402
from encoder_runtime_parity import babe_rows, use_runtime  # noqa: E402
from evaldata import eval_dir, summeval_articles  # noqa: E402

RESULTS = ROOT / "bench" / "results"
FRAMING_LAYERS = (5, 6)
# name -> (per_channel, which dense MatMuls: "dense" all of them, "ffn" the feed-forward two)
INT8 = {"int8": (True, "dense"), "int8-tensor": (False, "dense"), "int8-ffn": (True, "ffn")}


@dataclass
class Timed:
    """A runner whose forward passes are counted and timed (process CPU seconds)."""

    inner: Any
    seconds: float = 0.0
    calls: int = 0

    def forward(self, ids: Any, lengths: Sequence[int], keep: set[int]) -> Any:
        started = time.process_time()
        try:
            return self.inner.forward(ids, lengths, keep)
        finally:
            self.seconds += time.process_time() - started
            self.calls += 1


@dataclass
class Outputs:
    """One runtime's raw outputs on every data set."""

    nyt_vectors: Any = None
    nyt_scores: Any = None
    babe: list[bool] = field(default_factory=list)
    basil: list[tuple[bool, float]] = field(default_factory=list)  # every sentence of every article
    summaries: list[list[list[int]]] = field(default_factory=list)
    summary_forward_calls: int = 0
    forward_seconds: list[float] = field(default_factory=list)  # per SummEval article
    encode_seconds: float = 0.0  # NYT, the whole encode call


def quantize(fp32: Path, out: Path, per_channel: bool, which: str) -> Path:
    """``fp32`` with its dense MatMuls (initializer weights) quantized dynamically to int8."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = onnx.load(str(fp32))
    weights = {init.name for init in model.graph.initializer}
    chosen = []
    for k, node in enumerate(model.graph.node):
        node.name = node.name or f"n{k}:{node.output[0]}"  # build_graph leaves nodes unnamed
        dense = node.op_type == "MatMul" and node.input[1] in weights
        if dense and (which == "dense" or node.output[0].endswith(("up.mm", "down.mm"))):
            chosen.append(node.name)
    named = out.with_suffix(".named.onnx")
    onnx.save(model, str(named))
    logging.disable(logging.WARNING)  # "consider pre-processing": the graph is already plain
    try:
        quantize_dynamic(
            named,
            out,
            per_channel=per_channel,
            weight_type=QuantType.QInt8,
            op_types_to_quantize=["MatMul"],
            nodes_to_quantize=chosen,
        )
    finally:
        logging.disable(logging.NOTSET)
    named.unlink()
    return out


def load(runtime: str, int8_files: dict[str, Path]) -> Any:
    """The product's sentence encoder model on ``runtime``, its forward pass timed."""
    from summarize.backends.bert_onnx import OrtBert
    from summarize.backends.encoder import load_encoder

    use_runtime("onnx" if runtime in INT8 else runtime)
    model = load_encoder().model
    if runtime in INT8:
        model.runner = OrtBert(int8_files[runtime], model.shape.num_layers, threads=1)
    model.runner = Timed(model.runner)
    return model


def fp32_graph(model: Any) -> Path:
    from summarize.backends.bert_onnx import _cache_paths
    from summarize.backends.verify import sha256_of

    return _cache_paths(sha256_of(model.folder / "model.safetensors"))[0]


def run_nyt(out: Outputs, texts: list[str], vader: Any, model: Any) -> None:
    from summarize.backends.encoder import load_encoder
    from summarize.sentiment.head import load_head

    started = time.process_time()
    out.nyt_vectors = load_encoder().encode(texts)
    out.encode_seconds = round(time.process_time() - started, 1)
    out.nyt_scores = load_head().predict_score(out.nyt_vectors, vader)


def run_babe(out: Outputs, rows: list[tuple[str, bool]]) -> None:
    from summarize.context import Context
    from summarize.pipeline import analyze
    from summarize.settings import Settings

    settings = Settings(analyses=("framing",), count_model_tokens=False)
    for text, _ in rows:
        report = analyze(text, settings, context=Context(settings=settings))
        assert report.framing is not None
        out.babe.append(any(s.biased for s in report.framing.sentences))


def run_basil(out: Outputs, texts: list[str]) -> None:
    from summarize.context import Context
    from summarize.pipeline import analyze
    from summarize.settings import Settings

    settings = Settings(analyses=("framing",), count_model_tokens=False)
    for text in texts:
        report = analyze(text, settings, context=Context(settings=settings))
        assert report.framing is not None
        out.basil += [(s.biased, s.score) for s in report.framing.sentences]


def run_summeval(out: Outputs, articles: list[str], timed: int, model: Any) -> None:
    from summarize.context import Context
    from summarize.document import build_document
    from summarize.pipeline import analyze
    from summarize.settings import Settings

    settings = Settings(analyses=("summary",), count_model_tokens=False)
    calls = model.runner.calls
    for article in articles:
        summary = analyze(article, settings, context=Context(settings=settings)).summary
        assert summary is not None
        out.summaries.append([s.source_sentences for s in summary.sentences])
    out.summary_forward_calls = model.runner.calls - calls
    model.encode_states(["Warm-up: the session's first run is not timed."], layers=FRAMING_LAYERS)
    for article in articles[:timed]:
        texts = [s.text for s in build_document(article).sentences]
        before = model.runner.seconds
        model.encode_states(texts, layers=FRAMING_LAYERS)
        out.forward_seconds.append(model.runner.seconds - before)


def compare(outputs: dict[str, Outputs], ratings: Any, labels: list[bool]) -> dict[str, Any]:
    """Each runtime's figures, and its differences from numpy's."""
    import numpy as np

    ref = outputs["numpy"]
    rows: dict[str, Any] = {}
    for name, out in outputs.items():
        row: dict[str, Any] = {}
        if out.nyt_scores is not None:
            cosine = (out.nyt_vectors * ref.nyt_vectors).sum(axis=1)
            row["nyt_pearson_r"] = round(float(np.corrcoef(out.nyt_scores, ratings)[0, 1]), 4)
            row["nyt_cosine_min"] = round(float(cosine.min()), 4)
            row["nyt_cosine_mean"] = round(float(cosine.mean()), 4)
            row["nyt_encode_cpu_seconds"] = out.encode_seconds
        if out.babe:
            row["babe_accuracy"] = round(
                float(np.mean([d == b for d, b in zip(out.babe, labels, strict=True)])), 4
            )
            row["babe_differ"] = round(
                float(np.mean([a != b for a, b in zip(out.babe, ref.babe, strict=True)])), 4
            )
        if out.basil:
            mine, theirs = np.array(out.basil), np.array(ref.basil)
            row["basil_sentences"] = len(out.basil)
            row["basil_differ"] = round(float(np.mean(mine[:, 0] != theirs[:, 0])), 4)
            row["basil_mean_abs_prob_diff"] = round(float(np.abs(mine[:, 1] - theirs[:, 1]).mean()), 5)
        if out.summaries:
            row["summary_same"] = sum(a == b for a, b in zip(out.summaries, ref.summaries, strict=True))
            row["summary_forward_calls"] = out.summary_forward_calls
        if out.forward_seconds:
            row["forward_cpu_s_per_article"] = round(float(np.mean(out.forward_seconds)), 4)
        rows[name] = row
    for row in rows.values():
        if "nyt_pearson_r" in row:
            row["nyt_r_difference"] = round(row["nyt_pearson_r"] - rows["numpy"]["nyt_pearson_r"], 4)
        if "babe_accuracy" in row:
            row["babe_accuracy_difference"] = round(row["babe_accuracy"] - rows["numpy"]["babe_accuracy"], 4)
        if "forward_cpu_s_per_article" in row:
            row["forward_speedup_vs_numpy"] = round(
                rows["numpy"]["forward_cpu_s_per_article"] / row["forward_cpu_s_per_article"], 2
            )
    return rows


@dataclass
class ParityData:
    """The data every runtime is measured on, read once."""

    nyt_texts: list[str]
    nyt_ratings: Any
    nyt_vader: Any
    babe: list[tuple[str, bool]]
    basil: list[str]
    summeval: list[str]

    @property
    def babe_labels(self) -> list[bool]:
        return [biased for _, biased in self.babe]

    def counts(self) -> dict[str, int]:
        return {
            "nyt_sentences": len(self.nyt_texts),
            "babe_sentences": len(self.babe),
            "basil_articles": len(self.basil),
            "summeval_articles": len(self.summeval),
        }


def single_thread() -> None:
    """One thread: numpy's BLAS (not imported yet), ONNX Runtime and OpenVINO."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def data_parser(description: str) -> argparse.ArgumentParser:
    """The options that size the data (``read_data``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--nyt", type=int, default=0, help="NYT sentences (0: all)")
    parser.add_argument("--babe", type=int, default=0, help="BABE sentences (0: all)")
    parser.add_argument("--basil", type=int, default=0, help="BASIL articles (0: all)")
    parser.add_argument("--summeval", type=int, default=40, help="SummEval articles (summary, forward CPU)")
    return parser


def read_data(args: argparse.Namespace) -> ParityData | None:
    """The data the options ask for, or None (said on stdout) when some of it is missing."""
    import numpy as np

    from summarize.sentiment.vader_backend import compound_scores
    from summarize_dev.nyt_data import load_nyt

    folder = basil_folder()
    articles = summeval_articles()
    if not (eval_dir() / "vader_nyt").is_dir() or folder is None or articles is None:
        print(f"skipped: needs vader_nyt, babe_dev, basil_dev and summeval under {eval_dir()}")
        return None
    nyt = load_nyt(eval_dir())
    texts = list(nyt.texts[: args.nyt or None])
    return ParityData(
        nyt_texts=texts,
        nyt_ratings=np.array(nyt.ratings[: len(texts)]),
        nyt_vader=np.array(compound_scores(texts)),
        babe=babe_rows(args.babe),
        basil=[a.text for a in read_basil(folder)][: args.basil or None],
        summeval=articles[: args.summeval],
    )


def run_all(data: ParityData, model: Any) -> Outputs:
    """Every measure on ``data`` with ``model`` (the encoder loaded on one runtime)."""
    out = Outputs()
    run_nyt(out, data.nyt_texts, data.nyt_vader, model)
    run_babe(out, data.babe)
    run_basil(out, data.basil)
    run_summeval(out, data.summeval, len(data.summeval), model)
    return out


def main() -> int:
    single_thread()
    parser = data_parser((__doc__ or "").splitlines()[0])
    parser.add_argument("--variants", action="store_true", help="also per-tensor and FFN-only int8")
    args = parser.parse_args()
    data = read_data(args)
    if data is None:
        return 0
    runtimes = ["numpy", "onnx", "int8", *(("int8-tensor", "int8-ffn") if args.variants else ())]
    outputs: dict[str, Outputs] = {}
    with tempfile.TemporaryDirectory() as tmp:
        int8_files: dict[str, Path] = {}
        for runtime in runtimes:
            model = load(runtime, int8_files)
            if runtime == "onnx":  # the fp32 graph is cached now: quantize it
                for name in (r for r in runtimes if r in INT8):
                    int8_files[name] = quantize(fp32_graph(model), Path(tmp) / f"{name}.onnx", *INT8[name])
            out = outputs[runtime] = run_all(data, model)
            row = compare({"numpy": outputs["numpy"], runtime: out}, data.nyt_ratings, data.babe_labels)
            print(runtime, row[runtime], flush=True)
        sizes = {name: round(path.stat().st_size / 1e6, 1) for name, path in int8_files.items()}
    result = {
        "data": data.counts(),
        "int8_file_mb": sizes,
        "runtimes": compare(outputs, data.nyt_ratings, data.babe_labels),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "encoder_int8_parity.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "encoder_int8_parity.md").write_text(markdown(result))
    print(markdown(result))
    return 0


COLUMNS = (
    ("NYT r", "nyt_pearson_r"),
    ("Δr", "nyt_r_difference"),
    ("NYT cos min/mean", None),
    ("BABE acc", "babe_accuracy"),
    ("Δacc", "babe_accuracy_difference"),
    ("BABE differ", "babe_differ"),
    ("BASIL differ", "basil_differ"),
    ("BASIL mean abs Δp", "basil_mean_abs_prob_diff"),
    ("summary same", "summary_same"),
    ("forward CPU s/article", "forward_cpu_s_per_article"),
    ("speed-up", "forward_speedup_vs_numpy"),
)


def runtime_table(runtimes: dict[str, Any], columns: Sequence[tuple[str, str | None]]) -> list[str]:
    """A Markdown table, a row per runtime; the column key None is the NYT cosine min/mean."""
    lines = [
        "| runtime | " + " | ".join(c for c, _ in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for name, row in runtimes.items():
        cells = [
            f"{row.get('nyt_cosine_min')}/{row.get('nyt_cosine_mean')}"
            if key is None
            else str(row.get(key, ""))
            for _, key in columns
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def markdown(result: dict[str, Any]) -> str:
    d = result["data"]
    lines = [
        "# Encoder int8 parity: the analyses on numpy (reference), fp32 ONNX and dynamic int8 ONNX",
        "",
        f"Same run: {d['nyt_sentences']} NYT sentences, {d['babe_sentences']} BABE dev sentences, "
        f"{d['basil_articles']} BASIL articles, {d['summeval_articles']} SummEval articles; one thread; "
        "differences against numpy. Forward CPU: process CPU seconds of the forward pass per article "
        "(each article's sentences, framing layers kept), on a shared 2-core machine: compare ratios. "
        "BABE/BASIL differ: share of sentence biased/not decisions unlike numpy's.",
        "",
        *runtime_table(result["runtimes"], COLUMNS),
    ]
    lines += ["", verdict(result), ""]
    return "\n".join(lines)


# Issue 15's bars for a new encoder runtime, against today's (numpy): (figure, limit, wording)
BARS = (
    ("nyt_r_difference", 0.005, "NYT Pearson r within 0.005"),
    ("babe_accuracy_difference", 0.005, "BABE accuracy within 0.005"),
    ("babe_differ", 0.005, "BABE sentence decisions differing at most 0.5%"),
    ("basil_differ", 0.005, "BASIL sentence decisions differing at most 0.5%"),
)


def bars(row: dict[str, Any], articles: int) -> tuple[list[str], list[str]]:
    """The bars ``row`` holds and the ones it misses (summary: every article the same)."""
    held: list[str] = []
    missed: list[str] = []
    for key, limit, wording in BARS:
        (held if abs(row[key]) <= limit else missed).append(f"{wording} ({row[key]:+})")
    same = f"SummEval summaries identical ({row['summary_same']}/{articles})"
    (held if row["summary_same"] == articles else missed).append(same)
    return held, missed


def verdict(result: dict[str, Any]) -> str:
    """One paragraph: which of the issue's int8 conditions hold, runtime by runtime."""
    articles = result["data"]["summeval_articles"]
    runtimes = result["runtimes"]
    parts = []
    for name in (n for n in runtimes if n in INT8):
        held, missed = bars(runtimes[name], articles)
        speed = runtimes[name]["forward_speedup_vs_numpy"]
        state = "holds every bar: " if not missed else "misses " + "; ".join(missed) + "; holds "
        parts.append(f"**{name}** ({speed}x numpy's forward CPU) {state}" + "; ".join(held) + ".")
    calls = {runtimes[n]["summary_forward_calls"] for n in runtimes}
    encoder_note = (
        "The extractive default summary ran no encoder pass at all (0 forward calls on every runtime), "
        "so its choices cannot move with the encoder."
        if calls == {0}
        else f"The extractive summary ran the encoder ({sorted(calls)} forward calls)."
    )
    held_all = [n for n in runtimes if n in INT8 and not bars(runtimes[n], articles)[1]]
    conclusion = (
        "The issue's int8 conditions hold for " + ", ".join(held_all) + "."
        if held_all
        else "**Verdict: the issue's int8 conditions do not hold** for any int8 graph measured here, "
        "so int8 stays off (not offered)."
    )
    return " ".join([conclusion, *parts, encoder_note])


if __name__ == "__main__":
    raise SystemExit(main())
