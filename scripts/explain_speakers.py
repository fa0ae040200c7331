"""Why each quote of an article got its speaker.

Usage: python scripts/explain_speakers.py ARTICLE.txt
Prints one line per quote: where it starts (paragraph:offset), its first words, the speaker found
(a person, an organisation, the words describing someone unnamed, or None) and the rule that
decided: a transcript label, the cue before or after the quote, or a speaker carried over from
the text around it. ``scripts/explain_entities.py`` does the same for names.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsconv.text import quotes as quoting
from newsconv.text.decode import decode
from newsconv.text.entities import Entities
from newsconv.text.layout import split
from newsconv.text.speakers import Attributor


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[0])
    paragraphs = list(split(decode(path.read_bytes(), str(path))).paragraphs)
    quoted, spans = quoting.quoted_and_quotes(paragraphs)
    attributor = Attributor(paragraphs, Entities(paragraphs), quoted)
    attributor.speakers(spans)
    for line in attributor.explain(spans):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
