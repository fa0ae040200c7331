"""The checker's ways through a file: a small one is read and parsed once (its root tells the
format), a large one is sniffed and streamed, and a worker pool must not change any report."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsconv.validate import checker, newsml_g2
from newsconv.validate.findings import Finding

NAR = "http://iptc.org/std/nar/2006-10-01/"
ITEM = (
    f'<newsItem xmlns="{NAR}" guid="urn:example:{{n}}" version="1" standard="NewsML-G2" '
    'standardversion="2.35" conformance="power" xml:lang="en">'
    '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>'
    '<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:IPTC"/>'
    "<versionCreated>{version}</versionCreated></itemMeta>"
    '<contentMeta><subject type="cpnat:persn" qcode="zz:1"/></contentMeta></newsItem>'
)


def item(n: int = 1, version: str = "2024-01-01T12:00:00") -> str:
    """A newsItem with an XSD error (no time zone is fine for the XSD; an unknown element is not)
    and a finding of three G2 rules."""
    return ITEM.format(n=n, version=version).replace("<itemMeta>", "<itemMeta><bogus/>")


def where(findings: tuple[Finding, ...]) -> list[tuple[str, int | None, str]]:
    return [(f.rule, f.line, f.message) for f in findings]


def test_a_small_item_parsed_once_reports_what_the_streaming_validator_does(tmp_path: Path) -> None:
    path = tmp_path / "item.xml"
    path.write_text(item())
    report = checker.check_file(str(path))
    streamed = newsml_g2.validate(str(path))
    assert report.format == "newsml"
    assert where(report.findings) == where(tuple(sorted(streamed.findings, key=lambda f: f.line or 0)))
    assert {f.rule for f in report.findings} == {
        "xsd",
        "g2.qcode-alias",
        "g2.cpnat-type",
        "g2.version-created",
    }


def test_a_large_file_is_streamed_with_the_same_findings(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    small.write_text(item())
    padding = "<!--" + "x" * (checker._WHOLE_BYTES + 1) + "-->"
    large.write_text(item().replace("<itemMeta>", f"{padding}<itemMeta>", 1))
    assert large.stat().st_size > checker._WHOLE_BYTES
    assert where(checker.check_file(str(large)).findings) == where(checker.check_file(str(small)).findings)


def test_a_small_news_message_is_streamed_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "message.xml"
    items = "\n".join(item(n) for n in range(3))
    path.write_text(
        f'<newsMessage xmlns="{NAR}"><header><sent>2024-01-01T00:00:00Z</sent></header>\n'
        f"<itemSet>\n{items}\n</itemSet></newsMessage>"
    )
    report = checker.check_file(str(path))
    assert report.format == "newsml"
    assert [g for g, _ in report.guids] == ["urn:example:0", "urn:example:1", "urn:example:2"]
    assert sorted({f.line or 0 for f in report.findings}) == [3, 4, 5]


def test_a_root_after_long_comments_is_found_in_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "late.xml"
    path.write_text("<!--" + "x" * 10_000 + "-->\n" + item())
    assert checker.check_file(str(path)).format == "newsml"


def test_a_forced_newsml_format_on_another_root_is_an_xsd_finding(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text('<root xmlns="urn:example"/>')
    assert checker.check_file(str(path)).findings[0].rule == "format.unknown"
    forced = checker.check_file(str(path), checker.Settings("newsml", checker.prepare("newsml")))
    assert [f.rule for f in forced.findings] == ["xsd"]


@pytest.mark.parametrize("content", [b"", b"\xff\xfe<", b"{}", b"<a"])
def test_what_parses_as_no_g2_document_falls_back_to_detection(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(content)
    report = checker.check_file(str(path))
    assert not report.valid and report.findings[0].rule in ("format.unknown", "xml.syntax")


def test_a_folder_given_as_a_file_is_unreadable(tmp_path: Path) -> None:
    report = checker.check_file(str(tmp_path))
    assert [f.rule for f in report.findings] == ["input.unreadable"]


def test_workers_give_the_reports_of_one_process_in_order(tmp_path: Path) -> None:
    paths = []
    for n in range(40):
        path = tmp_path / f"{n:02d}.xml"
        path.write_text(item(n % 30, version="2024-01-01T12:00:00Z"))
        paths.append(str(path))
    calls: list[tuple[int, int]] = []
    one = checker.check_files(paths, jobs=1)
    pooled = checker.check_files(paths, jobs=3, progress=lambda done, total: calls.append((done, total)))
    assert [(r.path, where(r.findings)) for r in pooled] == [(r.path, where(r.findings)) for r in one]
    assert sum(f.rule == "g2.guid-unique" for r in pooled for f in r.findings) == 20
    assert calls[-1] == (40, 40) and len(calls) <= 40
