"""Rules a model must follow that JSON Schema cannot express: ids, references, offsets, body, embargo."""

from __future__ import annotations

from collections import Counter

from newsconv import body
from newsconv.model import Article, Span, aware
from newsconv.validate.findings import Finding


def check(article: Article) -> list[Finding]:
    """Every broken rule: duplicate ids, dangling speakers, spans outside or unlike their text,
    an unsafe body or one unlike the paragraphs, a publication time before the embargo."""
    findings: list[Finding] = []
    ids = Counter([e.id for e in article.entities] + [q.id for q in article.quotes])
    findings += [
        Finding("model.duplicate-id", f"id {i!r} is used {n} times") for i, n in ids.items() if n > 1
    ]
    speakers = {e.id for e in (*article.persons, *article.organizations)}
    for quote in article.quotes:
        if quote.speaker is not None and quote.speaker not in speakers:
            findings.append(
                Finding(
                    "model.speaker",
                    f"quote {quote.id}: speaker {quote.speaker!r} is no person or organisation",
                )
            )
        findings += _spans(article, quote.spans, f"quote {quote.id}")
        if quote.spans and all(_inside(article, s) for s in quote.spans):
            joined = " ".join(article.span_text(s) for s in quote.spans)
            if joined != quote.text:
                findings.append(Finding("model.span-text", f"quote {quote.id}: text differs from its spans"))
    for entity in article.entities:
        findings += _spans(article, entity.mentions, f"{entity.id}")
    if article.body_xhtml is not None:
        findings += [
            Finding("model.body", f"body_xhtml: {problem}")
            for problem in body.problems(article.body_xhtml, article.paragraphs)
        ]
    if article.published and article.embargoed and aware(article.published) < aware(article.embargoed):
        findings.append(Finding("model.embargo", "published is earlier than the embargo"))
    return findings


def _inside(article: Article, span: Span) -> bool:
    return 0 <= span.paragraph < len(article.paragraphs) and 0 <= span.start <= span.end <= len(
        article.paragraphs[span.paragraph]
    )


def _spans(article: Article, spans: tuple[Span, ...], owner: str) -> list[Finding]:
    return [
        Finding("model.span", f"{owner}: span {s.paragraph}:{s.start}-{s.end} lies outside the paragraphs")
        for s in spans
        if not _inside(article, s)
    ]
