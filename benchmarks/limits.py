"""Do time and memory stay linear in the input, for the inputs a hostile or unlucky feed holds?

    python benchmarks/limits.py                 # every case at a few sizes (a few minutes)
    python benchmarks/limits.py --case quotes   # one case (repeatable)
    python benchmarks/limits.py --full          # up to the sizes the hardening issue names (long)

Each case builds an input of growing size and converts it in a fresh process, as ``newsconv
convert`` would (read, write, validate the output), or sees it refused cleanly with a
NewsconvError. The curve is printed as size × seconds × peak MB, with seconds per unit of size,
which stays flat when time is linear, and the peak above the process's own baseline.

Cases (full size in brackets): a plain-text article of many paragraphs (50 MB), one single
line (1 MB), many one-sentence paragraphs (100,000), many quotes (10,000), an N-Triples literal
(50 MB), XHTML nested deep in
a NewsML-G2 body (10,000 levels), and a newsMessage of many items (100,000), read and validated.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7191209150cac94e.txt"
_PARAGRAPH = (
    "The council of Lindenfeld approved the budget on Tuesday after a debate that lasted "
    "most of the night, and the mayor said the vote would not end the dispute over the bridge."
)
_NAR = "http://iptc.org/std/nar/2006-10-01/"
_ITEM = (
    '<newsItem guid="urn:newsconv:limits:{n}" version="1" standard="NewsML-G2" '
    'standardversion="2.35" conformance="power">'
    '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>'
    '<itemMeta><itemClass qcode="ninat:text"/><provider literal="limits"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta>"
    '<contentMeta><headline>Item {n}</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Item {n}</title></head>'
    "<body>{body}</body></html></inlineXML></contentSet></newsItem>"
)


def text_article(size: int) -> tuple[str, bytes]:
    """A headline and paragraphs up to ``size`` bytes."""
    paragraphs = ["Budget passes after long night", ""]
    total = 0
    n = 0
    while total < size:
        paragraph = f"{_PARAGRAPH} ({n})"
        paragraphs += [paragraph, ""]
        total += len(paragraph) + 2
        n += 1
    return "text", "\n".join(paragraphs).encode()


def single_line(size: int) -> tuple[str, bytes]:
    """One line of ``size`` bytes: words and no line break."""
    words = (_PARAGRAPH + " ") * (size // (len(_PARAGRAPH) + 1) + 1)
    return "text", words[:size].encode()


def paragraphs(count: int) -> tuple[str, bytes]:
    """``count`` one-sentence paragraphs."""
    return "text", (
        "Short headline\n\n" + "\n\n".join(f"Line {n} says little." for n in range(count))
    ).encode()


def quotes(count: int) -> tuple[str, bytes]:
    """``count`` paragraphs, each a quote attributed to a named speaker."""
    body = "\n\n".join(f'"We will look at point {n} again," said Anna Berg.' for n in range(count))
    return "text", ("Minister answers questions\n\n" + body).encode()


def long_literal(size: int) -> tuple[str, bytes]:
    """N-Triples whose one literal is ``size`` bytes long (no article: refused, but how fast)."""
    return "ntriples", b'<http://example.org/a> <http://schema.org/name> "' + b"a" * size + b'" .\n'


def nested_xhtml(depth: int) -> tuple[str, bytes]:
    """A NewsML-G2 item whose XHTML body nests ``depth`` ``div`` elements."""
    body = "<div>" * depth + "<p>Deep.</p>" + "</div>" * depth
    return "newsml", _message_or_item(1, body, message=False)


def news_message(count: int) -> tuple[str, bytes]:
    """A newsMessage of ``count`` small items."""
    return "newsml", _message_or_item(count, "<p>A paragraph.</p>", message=True)


def _message_or_item(count: int, body: str, *, message: bool) -> bytes:
    items = "".join(_ITEM.format(n=n, body=body) for n in range(count)).replace(
        "<newsItem ", f'<newsItem xmlns="{_NAR}" ', count
    )
    if not message:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + items).encode()
    header = "<header><sent>2024-01-01T00:00:00Z</sent></header>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage xmlns="{_NAR}">{header}<itemSet>'
        f"{items}</itemSet></newsMessage>"
    ).encode()


@dataclass(frozen=True)
class Case:
    """An input family: how to build one of ``size`` units, the sizes measured, the unit's name."""

    build: Callable[[int], tuple[str, bytes]]
    sizes: tuple[int, ...]
    full: tuple[int, ...]
    unit: str


MB = 1_000_000
CASES = {
    "text": Case(text_article, (MB // 4, MB // 2, MB), (MB, 4 * MB, 16 * MB, 50 * MB), "MB"),
    "line": Case(single_line, (MB // 8, MB // 4, MB // 2), (MB // 4, MB // 2, MB), "MB"),
    "paragraphs": Case(paragraphs, (5_000, 10_000, 20_000), (25_000, 50_000, 100_000), "k paragraphs"),
    "quotes": Case(quotes, (1_000, 2_000, 4_000), (2_500, 5_000, 10_000), "k quotes"),
    "literal": Case(long_literal, (MB // 2, MB, 2 * MB), (2 * MB, 10 * MB, 50 * MB), "MB"),
    "nesting": Case(nested_xhtml, (100, 250, 10_000), (250, 10_000, 100_000), "k levels"),
    "message": Case(news_message, (2_000, 5_000, 10_000), (10_000, 50_000, 100_000), "k items"),
}
_SCALE = {"MB": MB, "k paragraphs": 1000, "k quotes": 1000, "k levels": 1000, "k items": 1000}


def measure(case: str, size: int) -> dict[str, object]:
    """Convert one input of ``case`` at ``size`` in this process: seconds, peak MB, outcome."""
    import newsconv
    from newsconv.errors import NewsconvError

    format_name, data = CASES[case].build(size)
    warm = newsconv.read(_SEED.read_bytes())  # lexicons and schemas load once, not timed
    for target in ("newsml", "model"):
        newsconv.write(warm, target)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    try:
        reading = newsconv.read_document(data, format_name)
        for article in reading.articles:
            newsconv.write(article, "newsml" if format_name == "text" else "model")
        outcome = f"ok, {len(reading.articles)} article(s)"
    except NewsconvError as error:
        outcome = f"refused: {type(error).__name__}: {str(error)[:80]}"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "bytes": len(data),
        "seconds": seconds,
        "peak_mb": peak,
        "above_mb": peak - baseline,
        "outcome": outcome,
    }


def _in_child(case: str, size: int) -> dict[str, object]:
    command = [sys.executable, __file__, "--measure", case, str(size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {
            "bytes": 0,
            "seconds": 0.0,
            "peak_mb": 0.0,
            "above_mb": 0.0,
            "outcome": f"CRASH {done.stderr[-200:]}",
        }
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--case", action="append", choices=list(CASES), help="Case to run (repeatable).")
    parser.add_argument("--full", action="store_true", help="Up to the issue's sizes (slow).")
    options = parser.parse_args()
    print(
        f"{'case':<11} {'size':>14} {'bytes':>11} {'seconds':>8} {'s/unit':>8} {'peak MB':>8} {'+MB':>7}  outcome"
    )
    for name in options.case or CASES:
        case = CASES[name]
        for size in case.full if options.full else case.sizes:
            row = _in_child(name, size)
            units = size / _SCALE[case.unit]
            seconds = float(row["seconds"])  # type: ignore[arg-type]
            print(
                f"{name:<11} {units:>8.2f} {case.unit:<5} {row['bytes']:>11} {seconds:>8.2f} "
                f"{seconds / units:>8.2f} {row['peak_mb']:>8.0f} {row['above_mb']:>7.0f}  {row['outcome']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
