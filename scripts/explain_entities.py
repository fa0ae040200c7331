"""Why each name of an article became a person, an organisation, a place or nothing.

Usage: python scripts/explain_entities.py ARTICLE.txt
Prints one line per name candidate: where it stands (paragraph:offset), the hand rules' opinion,
the learned model's label, the entity it joined, and the model features that weighed most.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsconv.text.decode import decode
from newsconv.text.entities import Entities
from newsconv.text.layout import split


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[0])
    for line in Entities(split(decode(path.read_bytes(), str(path))).paragraphs).explain():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
