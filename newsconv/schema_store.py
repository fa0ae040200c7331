"""Where official schemas are found, and how they are fetched into the user's cache.

Official schemas (IPTC, schema.org) are never shipped: they are looked up, in order, in the
folder given by ``--schema-dir`` (see :func:`set_schema_dir`), in ``$NEWSCONV_SCHEMA_DIR``, and
in the per-user cache that ``newsconv schemas fetch`` fills. Every folder on the path uses the
same layout, the one ``OFFICIAL`` lists. Schemas newsconv writes itself ship in the package.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from newsconv.atomic import write_atomically
from newsconv.errors import SchemaNotFoundError

ENV_VAR = "NEWSCONV_SCHEMA_DIR"


@dataclass(frozen=True, slots=True)
class OfficialSchema:
    """One official file: where it sits on the search path and where its publisher serves it."""

    path: str
    url: str
    what: str


NEWSML_XSD = "iptc/newsml-g2/2.35/NewsML-G2_2.35-spec-All-Power.xsd"
NEWSML_ODRL_XSD = "iptc/newsml-g2/2.35/G2-multi-schema-2.35.xsd"
SCHEMAORG_VOCABULARY = "schemaorg/schemaorg-current-https.jsonld"
SCHEMAORG_CONTEXT = "schemaorg/schemaorgcontext.jsonld"
SCHEMAORG_SUBCLASSES = "schemaorg/schemaorg-subclasses.shacl"
NINJS_3_SCHEMA = "iptc/ninjs/ninjs-schema_3.1.json"
NINJS_2_SCHEMA = "iptc/ninjs/ninjs-schema_2.2.json"
GEOJSON_SCHEMA = "iptc/ninjs/GeoJSON-schema.json"

OFFICIAL: tuple[OfficialSchema, ...] = (
    OfficialSchema(
        NEWSML_XSD,
        "https://www.iptc.org/std/NewsML-G2/2.35/specification/NewsML-G2_2.35-spec-All-Power.xsd",
        "IPTC NewsML-G2 2.35 All-Power XML Schema",
    ),
    OfficialSchema(
        "iptc/newsml-g2/2.35/xml.xsd",
        "https://www.w3.org/2001/xml.xsd",
        "W3C schema for the xml: namespace, imported by the NewsML-G2 XSD",
    ),
    OfficialSchema(
        NEWSML_ODRL_XSD,
        "https://raw.githubusercontent.com/iptc/newsml-g2/7f172b01af0c343aacb1e1297ac0e75debabb4a7/tests/schema_versions/G2-multi-schema-2.35.xsd",
        "IPTC wrapper schema: NewsML-G2 2.35 plus ODRL 2.2, for items with embedded rights",
    ),
    OfficialSchema(
        "iptc/newsml-g2/2.35/ODRL22.xsd",
        "https://raw.githubusercontent.com/iptc/newsml-g2/7f172b01af0c343aacb1e1297ac0e75debabb4a7/tests/schema_versions/ODRL22.xsd",
        "W3C ODRL 2.2 XML Schema as IPTC ships it, imported by the wrapper",
    ),
    OfficialSchema(
        "iptc/catalogs/catalog.IPTC-G2-Standards_41.xml",
        "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml",
        "IPTC G2 standards catalog 41: the scheme aliases IPTC items use",
    ),
    OfficialSchema(
        NINJS_3_SCHEMA,
        "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
        "IPTC ninjs 3.1 JSON Schema",
    ),
    OfficialSchema(
        NINJS_2_SCHEMA,
        "https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
        "IPTC ninjs 2.2 JSON Schema",
    ),
    OfficialSchema(
        GEOJSON_SCHEMA,
        "https://raw.githubusercontent.com/iptc/newsinjson/3ace39707a725d6674279c3151e2f5323dc81074/validation/test_suite/GeoJSON-schema.json",
        "GeoJSON JSON Schema as IPTC ships it (Draft 2020-12), referenced by both ninjs schemas",
    ),
    OfficialSchema(
        SCHEMAORG_VOCABULARY,
        "https://schema.org/version/30.0/schemaorg-current-https.jsonld",
        "schema.org vocabulary, release 30.0",
    ),
    OfficialSchema(
        SCHEMAORG_CONTEXT,
        "https://schema.org/version/30.0/schemaorgcontext.jsonld",
        "schema.org JSON-LD context, release 30.0",
    ),
    OfficialSchema(
        SCHEMAORG_SUBCLASSES,
        "https://schema.org/version/30.0/schemaorg-subclasses.shacl",
        "schema.org class hierarchy for SHACL, release 30.0",
    ),
)

_override: Path | None = None


def set_schema_dir(path: str | os.PathLike[str] | None) -> None:
    """Put ``path`` first on the search path (what ``--schema-dir`` does); None removes it."""
    global _override
    _override = Path(path) if path is not None else None


def cache_dir() -> Path:
    """The per-user folder ``newsconv schemas fetch`` downloads into (XDG cache convention)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsconv" / "schemas"


def search_path() -> list[tuple[str, Path]]:
    """The folders searched for official schemas, first match wins, each with where it came from."""
    path: list[tuple[str, Path]] = []
    if _override is not None:
        path.append(("--schema-dir", _override))
    if os.environ.get(ENV_VAR):
        path.append((f"${ENV_VAR}", Path(os.environ[ENV_VAR])))
    path.append(("cache", cache_dir()))
    return path


def locate(relative: str) -> Path:
    """The first file ``relative`` on the search path, or an error saying how to get it."""
    for _, folder in search_path():
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    searched = ", ".join(f"{origin} {folder}" for origin, folder in search_path())
    raise SchemaNotFoundError(
        f"official schema {relative} not found (searched: {searched}); "
        f"run `newsconv schemas fetch`, or point --schema-dir or ${ENV_VAR} "
        "at a folder that holds it"
    )


def own(name: str) -> Traversable:
    """A schema newsconv writes itself, shipped inside the package."""
    return resources.files("newsconv") / "schemas" / name


def fetch(destination: Path | None = None, *, timeout: float = 60.0) -> list[Path]:
    """Download every official schema from its publisher into ``destination`` (default: the cache).

    The only code in newsconv that touches the network. All files are downloaded before any
    is written, and each is written atomically, so a failed fetch leaves the cache as it was.
    """
    import urllib.request  # here, not at the top: validating never loads the HTTP stack

    target = destination or cache_dir()
    downloaded = []
    for schema in OFFICIAL:
        with urllib.request.urlopen(schema.url, timeout=timeout) as response:
            downloaded.append((schema.path, response.read()))
    return [write_atomically(target / path, data) for path, data in downloaded]
