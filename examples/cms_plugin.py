#!/usr/bin/env python3
"""How a CMS plugin uses newsconv: one article in, JSON-LD for the page, NewsML-G2 for syndication.

python examples/cms_plugin.py seeds/000_7191209150cac94e.txt
"""

from __future__ import annotations

import sys

import newsconv


def start() -> None:
    """Once, when the CMS loads the plugin: schemas, shapes and lexicons, so no reader waits for them."""
    newsconv.prepare(["jsonld", "newsml"])


def publish(text: str, source: str) -> tuple[str, str] | None:
    """The page's <script> block and the syndication item, or None when the article is unusable."""
    try:
        article = newsconv.read(text, source=source)
        jsonld = newsconv.write(article, "jsonld")  # validated: raises ValidationError if not
        newsml = newsconv.write(article, "newsml")
    except newsconv.ValidationError as error:
        print(f"not published, {error.format_name} output invalid:", file=sys.stderr)
        for finding in error.findings:
            print(f"  {finding}", file=sys.stderr)
        return None
    except newsconv.NewsconvError as error:  # empty, binary or unreadable input; missing schema
        print(f"not published: {error}", file=sys.stderr)
        return None
    # JSON-LD from newsconv escapes <, > and &, so it can go into the page as it is.
    script = f'<script type="application/ld+json">\n{jsonld}</script>'
    return script, newsml


if __name__ == "__main__":
    start()
    path = sys.argv[1]
    with open(path, encoding="utf-8") as handle:
        result = publish(handle.read(), path)
    if result is None:
        sys.exit(1)
    script, newsml = result
    print(script[:600])
    print(f"... NewsML-G2 item of {len(newsml)} characters ready for syndication")
