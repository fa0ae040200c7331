"""Coverage-guided fuzzing of everything that reads untrusted bytes, with atheris (libFuzzer for Python).

    python scripts/fuzz.py --minutes 5                      # every harness, one after the other
    python scripts/fuzz.py --minutes 10 --harness newsml    # one harness (repeatable)
    python scripts/fuzz.py --run newsml [libFuzzer options] # one harness in this process
    python scripts/fuzz.py --replay newsml FILE...          # what inputs do, uninstrumented

A finding is any exception other than a ``NewsconvError`` (the API's promise), an input of up to
100 kB that takes over 2 s (libFuzzer ``-timeout``), or a process above 500 MB (``-rss_limit_mb``).
Each harness starts from seeds: the corpora in ``../shared`` (IPTC examples, BBC articles) and
the outputs newsconv writes for a few of those articles, so that every reader starts from valid
documents of its format. Work corpora and findings go to ``.fuzz/<harness>/`` (not versioned);
after a finding the campaign restarts the harness until its time is used, and the summary
prints executions, coverage (libFuzzer ``cov``/``ft``) and the findings of each harness.
Findings become regression tests in ``tests/test_fuzz_findings.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WORK = ROOT / ".fuzz"
MAX_BYTES = 100_000
TIMEOUT_SECONDS = 2
RSS_LIMIT_MB = 500
_WARM_UP_SEEDS = 3
_NONCONFORMING = (
    b"<urn:x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle> .\n"
)
_TEXT_SEEDS = 60  # BBC articles as text seeds
_CONVERTED_SEEDS = 6  # BBC articles also written in every format, as seeds of the structured readers
_STRUCTURED = ("newsml", "ninjs", "jsonld", "turtle", "ntriples", "rdfxml", "model")
HARNESSES = ("detect", "text", *_STRUCTURED, "validate")
_SEED_SUFFIXES = {
    "newsml": (".xml",),
    "ninjs": (".ninjs.json", ".ninjs2.json"),
    "jsonld": (".jsonld",),
    "turtle": (".ttl",),
    "ntriples": (".nt",),
    "rdfxml": (".rdf",),
    "model": (".model.json",),
}


def harness(name: str) -> Callable[[bytes], None]:
    """The function libFuzzer calls with each input; only a NewsconvError may escape the code under test."""
    from newsconv import api, registry
    from newsconv.detect import detect_input
    from newsconv.errors import NewsconvError

    def detect(data: bytes) -> None:
        try:
            detect_input(data)
        except NewsconvError:
            pass

    def validate(data: bytes) -> None:
        try:
            api.validate(data, detect_input(data))
        except NewsconvError:
            pass

    def read(data: bytes) -> None:
        fmt = registry.get(name)
        try:
            for article in fmt.read_items(data, "fuzz"):
                api.write(article, "model", validate=False)
        except NewsconvError:
            pass

    if name == "detect":
        return detect
    if name == "validate":
        return validate
    return read


def run(name: str, arguments: list[str]) -> None:
    """Fuzz harness ``name`` in this process (what the campaign starts, once per harness)."""
    import atheris

    with atheris.instrument_imports(include=["newsconv"]):
        import newsconv.api  # noqa: F401  (imported instrumented, with all it loads)
        from newsconv import registry

        for fmt in registry.FORMATS:
            for function in (fmt.reader, fmt.items_reader, fmt.writer, fmt.validator):
                if function is not None:
                    __import__(fmt.module)
    test = harness(name)
    _warm_up(test, arguments)
    atheris.Setup([sys.argv[0], *arguments], test)
    atheris.Fuzz()


def _warm_up(test: Callable[[bytes], None], arguments: list[str]) -> None:
    """Run a few seeds first, so that loading lexicons and schemas is not timed as a first input,
    and a graph SHACL rejects, which loads the reference engine only such graphs need (1.3 s)."""
    from newsconv import api

    api.validate(_NONCONFORMING, "ntriples")
    folders = [Path(a) for a in arguments if not a.startswith("-") and Path(a).is_dir()]
    for path in [p for folder in folders for p in sorted(folder.iterdir())][-_WARM_UP_SEEDS:]:
        test(path.read_bytes())


def replay(name: str, paths: list[str]) -> list[str]:
    """What each input does to harness ``name`` uninstrumented (warmed up): the exception, or the time."""
    test = harness(name)
    _warm_up(test, [str(WORK / name / "seeds")])
    verdicts = []
    for path in paths:
        start = time.perf_counter()
        try:
            test(Path(path).read_bytes())
        except Exception as error:  # noqa: BLE001 (naming the escaped exception is the point)
            verdicts.append(f"{Path(path).name}: {type(error).__name__}: {error}"[:300])
            continue
        seconds = time.perf_counter() - start
        slow = "SLOW" if seconds > TIMEOUT_SECONDS else "ok"
        verdicts.append(f"{Path(path).name}: {slow} in {seconds:.2f} s uninstrumented")
    return verdicts


@dataclass
class Outcome:
    """What a harness's campaign did: libFuzzer's last figures and the findings it saved."""

    name: str
    executions: int = 0
    coverage: int = 0
    features: int = 0
    corpus: int = 0
    seconds: float = 0.0
    findings: list[str] = field(default_factory=list)

    def line(self) -> str:
        found = "".join(f"\n    {f}" for f in self.findings) or "none"
        return (
            f"{self.name:<9} {self.seconds / 60:5.1f} min  {self.executions:>9} execs  "
            f"cov {self.coverage:>5}  ft {self.features:>6}  corpus {self.corpus:>5}  findings: {found}"
        )


_STATUS = re.compile(r"#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)")
_EXECUTED = re.compile(r"stat::number_of_executed_units: (\d+)")


def campaign(name: str, minutes: float) -> Outcome:
    """Fuzz ``name`` for ``minutes``, restarting after each finding, and summarise what happened."""
    folder = WORK / name
    corpus, findings = folder / "corpus", folder / "findings"
    corpus.mkdir(parents=True, exist_ok=True)
    findings.mkdir(parents=True, exist_ok=True)
    seeds = write_seeds(name, folder / "seeds")
    outcome = Outcome(name)
    deadline = time.monotonic() + minutes * 60
    while (left := deadline - time.monotonic()) > 5:
        start = time.monotonic()
        log = _fuzz_once(name, corpus, seeds, findings, int(left))
        outcome.seconds += time.monotonic() - start
        _take_figures(outcome, log)
    found = sorted(str(p) for p in findings.iterdir())
    outcome.findings = _replayed(name, found) if found else []
    return outcome


def _replayed(name: str, paths: list[str]) -> list[str]:
    """Each finding replayed in a fresh process without instrumentation (a timeout under
    instrumentation on a loaded machine may be no real one)."""
    command = [sys.executable, __file__, "--replay", name, *paths]
    done = subprocess.run(command, capture_output=True, text=True, errors="replace", check=False)
    return done.stdout.splitlines() or [f"replay failed: {done.stderr[-300:]}"]


def _fuzz_once(name: str, corpus: Path, seeds: Path, findings: Path, seconds: int) -> str:
    command = [
        sys.executable,
        __file__,
        "--run",
        name,
        str(corpus),
        str(seeds),
        f"-max_total_time={seconds}",
        f"-max_len={MAX_BYTES}",
        f"-timeout={TIMEOUT_SECONDS}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-artifact_prefix={findings}/",
        "-print_final_stats=1",
    ]
    done = subprocess.run(command, capture_output=True, text=True, errors="replace", check=False)
    (corpus.parent / "last.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    return done.stderr


def _take_figures(outcome: Outcome, log: str) -> None:
    statuses = _STATUS.findall(log)
    if statuses:
        _, cov, ft, corp = statuses[-1]
        outcome.coverage = max(outcome.coverage, int(cov))
        outcome.features = max(outcome.features, int(ft))
        outcome.corpus = max(outcome.corpus, int(corp))
    executed = _EXECUTED.findall(log)
    if executed:
        outcome.executions += int(executed[-1])
    elif statuses:
        outcome.executions += int(statuses[-1][0])


def write_seeds(name: str, folder: Path) -> Path:
    """The seed inputs of harness ``name`` in ``folder`` (rewritten on every campaign)."""
    folder.mkdir(parents=True, exist_ok=True)
    for label, data in _seeds(name):
        (folder / f"{hashlib.sha256(data).hexdigest()[:16]}-{label}").write_bytes(data[:MAX_BYTES])
    return folder


def _seeds(name: str) -> list[tuple[str, bytes]]:
    """Seeds as (name ending in its format's extension, content)."""
    texts = [(p.name, p.read_bytes()) for p in _bbc_articles()[:_TEXT_SEEDS]] + [
        (p.name, p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    if name == "text":
        return texts
    structured = _structured_seeds()
    if name in _SEED_SUFFIXES:
        return [(label, data) for label, data in structured if label.endswith(_SEED_SUFFIXES[name])]
    return texts[:10] + structured


def _bbc_articles() -> list[Path]:
    return sorted((SHARED / "corpora" / "bbc-fulltext").rglob("*.txt"))[::37]


def _structured_seeds() -> list[tuple[str, bytes]]:
    newsml = sorted((SHARED / "corpora" / "newsml-g2-examples").glob("*.xml"))
    ninjs = sorted((SHARED / "corpora" / "ninjs-examples").glob("*/*.json"))
    examples = sorted((ROOT / "examples" / "seed").iterdir())
    return (
        [(p.name, p.read_bytes()) for p in newsml]
        + [(p.stem + ".ninjs.json", p.read_bytes()) for p in ninjs]
        + [(_example_label(p), p.read_bytes()) for p in examples]
        + _converted()
    )


def _example_label(path: Path) -> str:
    """The example's name, model JSON (plain ``NAME.json``) renamed ``NAME.model.json``."""
    return path.stem + ".model.json" if path.suffixes == [".json"] else path.name


def _converted() -> list[tuple[str, bytes]]:
    """A few BBC articles in every format newsconv writes (model JSON named ``.model.json``)."""
    from newsconv import api, registry

    seeds = []
    for path in _bbc_articles()[:_CONVERTED_SEEDS]:
        article = api.read(path.read_bytes(), "text", source=path.name)
        for fmt in registry.writable():
            suffix = ".model.json" if fmt.name == "model" else fmt.extension
            seeds.append((path.stem + suffix, api.write(article, fmt.name, validate=False).encode()))
    return seeds


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--run":
        run(sys.argv[2], sys.argv[3:])
        return 0
    if len(sys.argv) > 2 and sys.argv[1] == "--replay":
        print("\n".join(replay(sys.argv[2], sys.argv[3:])))
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, required=True, help="Minutes per harness.")
    parser.add_argument("--harness", action="append", choices=HARNESSES, help="Harness to run (repeatable).")
    options = parser.parse_args()
    outcomes = []
    for name in options.harness or HARNESSES:
        outcomes.append(campaign(name, options.minutes))
        print(outcomes[-1].line(), flush=True)
    return 1 if any(o.findings for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
