"""Large and hostile HTML pages: time and peak memory of `xxgk-lint check` on each, one process
per page (ratios against a small report read in the same run; no timing asserts anywhere).

    python bench/large_html.py

Pages: a report with a 10^4 x 10^2 table appended (15 MB, refused by the element limit), the
same with 950 x 100 cells (just under it), 1,150 long paragraphs in section 六 (19.6 MB), a paragraph of
40,000 digits (a percentage pattern once rescanned every suffix of such runs), and elements nested
2,000 deep.  Target: every page under 300 MB, time linear in the page's size.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))      # tests.generators: the report generators
sys.path.insert(0, str(ROOT / "src"))


def pages(tmp: Path) -> dict[str, Path]:
    from tests.generators.documents import to_html
    from tests.generators.generate import consistent_doc

    h = to_html(consistent_doc(random.Random(1)))
    body_start, body_end = h.index("<body>") + 6, h.index("</body>")
    sec6 = h.index("</", h.index("六、其他需要报告的事项"))

    def table(rows: int) -> str:
        return "<table>" + "".join("<tr>" + "".join(f"<td>{r * 100 + c}</td>" for c in range(100)) + "</tr>"
                                   for r in range(rows)) + "</table>"

    para = "<p>" + "二〇二三年本机关依法公开政府信息3件，认真做好《各项工作。" * 200 + "</p>\n"
    out = {"small report": h,
           "table 10^4 x 10^2": h[:body_end] + table(10_000) + h[body_end:],
           "table 950 x 100": h[:body_end] + table(950) + h[body_end:],
           "1,150 long paragraphs": h[:sec6] + "</h2>" + para * 1150 + h[sec6:],
           "40,000 digits in a paragraph": h[:sec6] + "</h2><p>" + "1" * 40_000 + "</p>" + h[sec6:],
           "nested 2,000 deep": h[:body_start] + "<div>" * 2000 + h[body_start:body_end] + "</div>" * 2000
           + h[body_end:]}
    paths = {}
    for k, (name, text) in enumerate(out.items()):
        paths[name] = tmp / f"p{k}.html"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def measure(path: Path) -> tuple[float, float, str]:
    # the child reports its own peak (VmHWM: ru_maxrss would count this process's memory, which
    # the child had before its exec)
    code = ("import atexit, sys\n"
            "def peak():\n"
            "    kb = next(ln.split()[1] for ln in open('/proc/self/status') if ln.startswith('VmHWM'))\n"
            "    sys.stderr.write(f'\\nPEAK {kb}')\n"
            "atexit.register(peak)\n"
            "from xxgk_lint.cli import main\nmain()")
    cmd = [sys.executable, "-c", code, "check", "--isolated", "--format", "concise", "-q", str(path)]
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t
    lines = r.stderr.strip().splitlines()
    peak = int(lines.pop().split()[1]) / 1024 if lines and lines[-1].startswith("PEAK") else float("nan")
    said = next((ln for ln in lines if ln.strip()), "")
    return dt, peak, f"exit {r.returncode}" + (f": {said.split(': ', 2)[-1][:80]}" if r.returncode == 2 else "")


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        for name, path in pages(Path(d)).items():
            dt, mb, what = measure(path)
            print(f"  {name:28s} {path.stat().st_size / 1e6:6.1f} MB  {dt:6.2f} s  peak {mb:6.0f} MB  {what}")


if __name__ == "__main__":
    main()
