"""Benchmarks, as ratios against a baseline measured in the same run (never timing asserts).

    python bench/bench.py [--runs 15] [--reports 2000]

(a) start-up: `xxgk-lint check` on the seed report (full and concise output) against
    `python -c "import click, rich.console, yaml"` — the floor any CLI on this stack pays.
    Target: ratio <= 1.10 on a wheel install (issue 26; it was 1.3).
(b) throughput in one process on one core: generated reports read + checked per second,
    YAML and pipe text (targets >= 500/s and >= 1,000/s), HTML (>= 100/s) and Word (>= 50/s).
(c) `check` on one HTML and one Word report against the same import floor.
(d) the prose rules' share of `check` on the seed: the command with all rules against the
    command without the prose and text rules (target: prose rules add <= 30%), and the same
    inside one process, read + check per report, where the base is ~1 ms and each of the 27 prose
    rules scans the whole text.
(e) the pre-commit hook on 20 staged reports against one (target: ratio <= 1.5).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))      # tests.generators: the report generators
SEED = ROOT / "examples" / "leiyang-2023.txt"
YAML_EXAMPLE = ROOT / "examples" / "report-2021.yaml"
TEMPLATE_DOCX = ROOT / "tests" / "fixtures" / "template-2021-blank.docx"
DOCS = Path(tempfile.gettempdir()) / "xxgk-lint-bench"


def _median_run(cmd: list[str], runs: int, **extra_env: str) -> float:
    times = []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | extra_env
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _documents() -> None:
    """One HTML and one Word rendering of a generated report, for the start-up runs."""
    from tests.generators.documents import to_docx, to_html
    from tests.generators.generate import consistent_doc

    DOCS.mkdir(parents=True, exist_ok=True)
    doc = consistent_doc(random.Random(5))
    (DOCS / "r.html").write_text(to_html(doc), encoding="utf-8")
    (DOCS / "r.docx").write_bytes(to_docx(doc, TEMPLATE_DOCX))


def startup(runs: int) -> None:
    import xxgk_lint

    _documents()
    # An installed wheel ships bytecode; an editable checkout may not (PYTHONDONTWRITEBYTECODE),
    # so compile once to measure what users run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(xxgk_lint.__file__).parent)],
                   stdout=subprocess.DEVNULL, check=False)
    cli = _cli()
    base = _median_run([sys.executable, "-c", "import click, rich.console, yaml"], runs)
    print(f"start-up (median of {runs} runs)")
    print(f"  baseline: import click, rich.console, yaml   {base * 1000:7.1f} ms")
    for label, args in (("full (piped, no colour)", ["--format", "full"]),
                        ("full --color (as on a terminal)", ["--format", "full", "--color"]),
                        ("concise", ["--format", "concise"]), ("json", ["--format", "json"]),
                        ("a YAML report, full --color", ["--format", "full", "--color", str(YAML_EXAMPLE)]),
                        ("an HTML report, concise", ["--format", "concise", str(DOCS / "r.html")]),
                        ("a Word report, concise", ["--format", "concise", str(DOCS / "r.docx")])):
        t = _median_run([*cli, "check", "--isolated", *args, *([] if "." in Path(args[-1]).name else [str(SEED)])],
                        runs)
        print(f"  check {label:34s} {t * 1000:7.1f} ms   ratio {t / base:.2f}  (target <= 1.10)")


def _cli() -> list[str]:
    exe = shutil.which("xxgk-lint") or ""
    return [exe] if exe else [sys.executable, "-m", "xxgk_lint"]


def pre_commit(runs: int) -> None:
    """The hook's command line as pre-commit runs it (PRE_COMMIT=1, every staged file in one
    process): 20 staged reports against one, per format and for a mixed commit (12 pipe text,
    4 YAML, 3 HTML, 1 Word against one pipe-text report)."""
    from tests.generators.documents import to_docx, to_html, to_pipe_text
    from tests.generators.generate import consistent_doc, to_yaml

    staged = DOCS / "staged"
    staged.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20)
    write = {"txt": lambda d: to_pipe_text(d).encode(), "yaml": lambda d: to_yaml(d).encode(),
             "html": lambda d: to_html(d).encode(), "docx": lambda d: to_docx(d, TEMPLATE_DOCX)}
    files: dict[str, list[str]] = {}
    for ext, make in write.items():
        for i in range(20):
            path = staged / f"r{i:02d}.{ext}"
            path.write_bytes(make(consistent_doc(rng)))
            files.setdefault(ext, []).append(str(path))
    files["mixed"] = files["txt"][:12] + files["yaml"][:4] + files["html"][:3] + files["docx"][:1]
    cmd = [*_cli(), "check", "--isolated"]
    print(f"pre-commit hook (PRE_COMMIT=1, median of {runs} runs): 20 staged reports against 1")
    for label in ("txt", "yaml", "html", "docx", "mixed"):
        one = _median_run([*cmd, files[label][0]], runs, PRE_COMMIT="1")
        many = _median_run([*cmd, *files[label]], runs, PRE_COMMIT="1")
        print(f"  {label:6s} 1: {one * 1000:6.1f} ms   20: {many * 1000:6.1f} ms   ratio {many / one:.2f}"
              "  (target <= 1.5)")


def throughput(n: int) -> None:
    from xxgk_lint.engine import Engine
    from xxgk_lint.readers import read_data, read_text
    from xxgk_lint.readers.structured import read
    from xxgk_lint.rules import load_rules
    from tests.generators.documents import to_docx, to_html, to_pipe_text
    from tests.generators.generate import consistent_doc, to_yaml

    engine = Engine(load_rules())
    rng = random.Random(1)
    docs = [consistent_doc(rng, "2021" if i % 5 else "2019") for i in range(n)]
    few = docs[:max(n // 10, 50)]        # the document formats are slower to generate
    formats = (("YAML", [to_yaml(d) for d in docs], read, 500),
               ("pipe text", [to_pipe_text(d) for d in docs], read_text, 1000),
               ("HTML", [to_html(d).encode() for d in few], lambda b, p: read_data(b, p + ".html"), 100),
               ("Word", [to_docx(d, TEMPLATE_DOCX) for d in few], lambda b, p: read_data(b, p + ".docx"), 50))
    print("throughput, one process, one core (generated reports, read + check)")
    for name, items, reader, target in formats:
        t = time.perf_counter()
        findings = 0
        for i, item in enumerate(items):
            findings += len(engine.check(reader(item, f"r{i}")))
        dt = time.perf_counter() - t
        print(f"  {name:10s} {len(items) / dt:8.0f} reports/s   ({dt / len(items) * 1000:.2f} ms each over "
              f"{len(items)}; target >= {target}/s; {findings} findings)")


PROSE_RULES = ("PROSE", "TEXT", "SEC1", "SEC5", "SEC6", "ART50")


def prose_share_cli(runs: int) -> None:
    cli = _cli()
    base = _median_run([*cli, "check", "--isolated", "--format", "concise", "--ignore", ",".join(PROSE_RULES),
                        str(SEED)], runs)
    full = _median_run([*cli, "check", "--isolated", "--format", "concise", str(SEED)], runs)
    print(f"prose rules, `check` on the seed (median of {runs} runs)")
    print(f"  without {base * 1000:.1f} ms, with {full * 1000:.1f} ms: prose adds {(full / base - 1) * 100:.0f}% "
          f"(target <= 30%)")


def prose_share(n: int = 300) -> None:
    from xxgk_lint.engine import Engine
    from xxgk_lint.readers import read_data
    from xxgk_lint.rules import load_rules

    data = SEED.read_bytes()
    rules = load_rules()
    timings = {}
    for name, engine in (("without prose rules", Engine(rules, ignore=PROSE_RULES)), ("with prose rules", Engine(rules))):
        engine.check(read_data(data, "seed.txt"))      # warm caches
        best = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            for _ in range(n):
                engine.check(read_data(data, "seed.txt"))
            best = min(best, time.perf_counter() - t)
        timings[name] = best / n
    base, full = timings["without prose rules"], timings["with prose rules"]
    print(f"prose rules in one process (seed report, read + check, best of 5 x {n} runs)")
    print(f"  without {base * 1000:.2f} ms, with {full * 1000:.2f} ms: prose adds {(full / base - 1) * 100:.0f}%")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--skip-startup", action="store_true")
    ap.add_argument("--only", choices=("startup",), help="Only the start-up runs (a).")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})   # one core, as the targets say
    if args.only == "startup":
        startup(args.runs)
        return
    if not args.skip_startup:
        startup(args.runs)
        pre_commit(args.runs)
        prose_share_cli(args.runs)
    throughput(args.reports)
    prose_share()


if __name__ == "__main__":
    main()
