"""How fast `summarize batch` stops on Ctrl-C and SIGTERM, and what it leaves behind.

A real run (SummEval articles as JSONL, all four analyses, 2 workers) is stopped ``--after``
seconds in, as a person or a scheduler stops it:
- Ctrl-C once: SIGINT to the process group, as a terminal sends it;
- Ctrl-C twice: the same, and again one second later;
- SIGTERM to the process group (SLURM at a time limit) and to the batch process alone
  (``kill PID``, Kubernetes' signal to a container's main process).
Reported per case: seconds from the (last) signal to the exit, seconds to the first message,
the exit code, whether every line of RESULTS is whole JSON, records written after the first
signal (articles in flight that were finished), and whether a traceback was printed.

Baseline in the same invocation: the same cases on the code of ``--baseline`` (a git commit,
default the one before the stop handling was rewritten), run from a copy of its `summarize`
package; a case that has not exited after ``--limit`` seconds is killed and reported as such.

Run: .venv/bin/python bench/batch_stop.py [--articles 300] [--after 45] [--baseline d172daa]
Writes bench/results/batch_stop.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from batch_throughput import ROOT, corpus_label, save_results, write_corpus
from evaldata import summeval_articles_or_skip

CASES = {
    "ctrl-c once": [(0.0, signal.SIGINT, True)],
    "ctrl-c twice": [(0.0, signal.SIGINT, True), (1.0, signal.SIGINT, True)],
    "sigterm to the process group": [(0.0, signal.SIGTERM, True)],
    "sigterm to the batch process": [(0.0, signal.SIGTERM, False)],
}


def whole_lines(path: Path) -> tuple[int, bool]:
    if not path.exists():
        return 0, True
    data = path.read_bytes()
    lines = data.splitlines()
    try:
        for line in lines:
            json.loads(line)
    except ValueError:
        return len(lines), False
    return len(lines), data.endswith(b"\n") or not data


def stop_case(command: list[str], env: dict[str, str], out: Path, signals: list, after: float,
              limit: float) -> dict:
    out.unlink(missing_ok=True)
    started = time.monotonic()
    # cwd outside the project: with the project root first on sys.path, the baseline's copy of
    # the package would lose to the working tree's.
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=out.parent)
    stderr: list[tuple[float, str]] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            stderr.append((time.monotonic(), line.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(max(0.0, started + after - time.monotonic()))
    before, _ = whole_lines(out)
    first_signal = last_signal = time.monotonic()
    for delay, sig, group in signals:
        time.sleep(max(0.0, first_signal + delay - time.monotonic()))
        last_signal = time.monotonic()
        if proc.poll() is None:
            if group:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
    try:
        proc.wait(timeout=limit)
        exited = time.monotonic()
        killed = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        exited = time.monotonic()
        killed = True
    reader.join(timeout=5)
    with_group_gone(proc.pid)
    after_lines, whole = whole_lines(out)
    messages = [(t, line) for t, line in stderr if t >= first_signal]
    text = "\n".join(line for _, line in stderr)
    return {
        "seconds_to_exit_after_last_signal": round(exited - last_signal, 2),
        "seconds_to_exit_after_first_signal": round(exited - first_signal, 2),
        "seconds_to_first_message": round(messages[0][0] - first_signal, 2) if messages else None,
        "first_message": messages[0][1][:160] if messages else None,
        "killed_after_limit": killed,
        "exit_code": proc.returncode,
        "records_before_signal": before,
        "records_written_after_signal": after_lines - before,
        "every_line_whole": whole,
        "traceback": "Traceback" in text,
    }


def with_group_gone(pgid: int, timeout: float = 10.0) -> None:
    """Wait for leftover processes of the run's group (a worker must not outlive it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)


def baseline_tree(commit: str, work: Path) -> Path:
    """The `summarize` package of ``commit``, unpacked under ``work`` (not a git worktree)."""
    target = work / f"baseline-{commit}"
    target.mkdir()
    archive = subprocess.run(["git", "archive", commit, "summarize", "models"], cwd=ROOT, capture_output=True,
                             check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--after", type=float, default=45.0, help="seconds into the run to signal")
    parser.add_argument("--limit", type=float, default=90.0, help="kill a case not done after this")
    parser.add_argument("--baseline", default="d172daa", help="git commit to compare with ('' for none)")
    args = parser.parse_args()
    articles = summeval_articles_or_skip()
    if articles is None:
        return 0
    work = Path(tempfile.mkdtemp(prefix="batch-stop-", dir="/tmp"))
    corpus = write_corpus(articles, args.articles, work / "corpus.jsonl")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    code = {"this change": None}
    if args.baseline:
        code[f"baseline {args.baseline}"] = baseline_tree(args.baseline, work)
    runs = []
    for label, tree in code.items():
        run_env = dict(env)
        if tree is not None:  # the spawned workers inherit sys.path, so they run this code too
            run_env["PYTHONPATH"] = str(tree)
        for case, signals in CASES.items():
            out = work / "out.jsonl"
            command = [sys.executable, "-c", "from summarize.cli.app import main; main()", "batch",
                       str(corpus), "--out", str(out), "-j", "2", "--keep-duplicates"]
            entry = {"code": label, "case": case,
                     **stop_case(command, run_env, out, signals, args.after, args.limit)}
            print(json.dumps(entry), flush=True)
            runs.append(entry)
    result = {
        "corpus": corpus_label(args.articles, articles), "workers": 2, "analyses": "all four",
        "signal_after_seconds": args.after, "limit_seconds": args.limit, "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()], "runs": runs,
    }
    save_results("batch_stop", result, render(result))
    return 0


def render(result: dict) -> str:
    lines = [
        "# batch stop times",
        "",
        f"{result['corpus']}, {result['workers']} workers, all four analyses; signal "
        f"{result['signal_after_seconds']:.0f} s into the run; cases still running after "
        f"{result['limit_seconds']:.0f} s were killed. Load average at the end: {result['load_average']}.",
        "",
        "| code | case | s to first message | s to exit (after last signal) | exit | killed | "
        "records after signal | lines whole | traceback |",
        "|---|---|---:|---:|---:|---|---:|---|---|",
    ]
    for run in result["runs"]:
        lines.append(
            f"| {run['code']} | {run['case']} | {run['seconds_to_first_message']} | "
            f"{run['seconds_to_exit_after_last_signal']} | {run['exit_code']} | "
            f"{run['killed_after_limit']} | "
            f"{run['records_written_after_signal']} | {run['every_line_whole']} | {run['traceback']} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
