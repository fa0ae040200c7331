"""Where official schemas are found, and how they come into the user's cache: a schema store.

Official schemas (IPTC, schema.org) are never shipped. A :class:`SchemaStore` is one
configuration: the folders searched for them, first match wins, all in the layout ``OFFICIAL``
lists, and where (if anywhere) a missing one may be downloaded. The default store searches the
folder given by ``--schema-dir`` (:func:`set_schema_dir`), then ``$NEWSCONV_SCHEMA_DIR``, then the
per-user cache; the API takes a store per call (``schemas=``), so a process can serve several
configurations, and every cache of what a schema yields is kept per store (:func:`per_store`).

First use needs no extra step: when a store that may download (the default one, unless
``--offline`` or ``NEWSCONV_OFFLINE=1``) misses an official file, every official file missing
from the cache is downloaded into it, saying so on standard error. Each file is pinned by
SHA-256: a download whose bytes differ is an error, and then nothing is cached. The files come
from the commit-pinned copies in ``OfficialSchema.source``, or from ``$NEWSCONV_SCHEMA_BASE``
(a mirror laid out like the search path). Schemas newsconv writes itself ship in the package.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Generic, ParamSpec, TypeVar

from newsconv.atomic import write_atomically
from newsconv.errors import SchemaNotFoundError

ENV_VAR = "NEWSCONV_SCHEMA_DIR"
OFFLINE_VAR = "NEWSCONV_OFFLINE"
BASE_VAR = "NEWSCONV_SCHEMA_BASE"
_TRUE = frozenset({"1", "true", "yes", "on"})
_IPTC_G2 = "https://raw.githubusercontent.com/iptc/newsml-g2/7f172b01af0c343aacb1e1297ac0e75debabb4a7"
_IPTC_NINJS = "https://raw.githubusercontent.com/iptc/newsinjson/3ace39707a725d6674279c3151e2f5323dc81074"
_IPTC_PY = "https://raw.githubusercontent.com/iptc/python-newsmlg2/e6f7fb109096bcb16712e21c0b06ca8d1a58e40f"
_SCHEMAORG = (
    "https://raw.githubusercontent.com/schemaorg/schemaorg/cc71c8e064859e912aac8b11ec06e6bc53255b6a"
    "/data/releases/30.0"
)


@dataclass(frozen=True, slots=True)
class OfficialSchema:
    """One official file: its place on the search path, its publisher's URL (how documents name
    it), the commit-pinned copy newsconv downloads, and the SHA-256 of exactly those bytes."""

    path: str
    url: str
    what: str
    source: str
    sha256: str


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
        f"{_IPTC_G2}/specification/NewsML-G2_2.35-spec-All-Power.xsd",
        "06ef1c5076a32f2568ac8955994029890afac0268f795e3c26642ded52cf0181",
    ),
    OfficialSchema(
        "iptc/newsml-g2/2.35/xml.xsd",
        "https://www.w3.org/2001/xml.xsd",
        "W3C schema for the xml: namespace, imported by the NewsML-G2 XSD",
        f"{_IPTC_G2}/specification/xml.xsd",
        "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",
    ),
    OfficialSchema(
        NEWSML_ODRL_XSD,
        f"{_IPTC_G2}/tests/schema_versions/G2-multi-schema-2.35.xsd",
        "IPTC wrapper schema: NewsML-G2 2.35 plus ODRL 2.2, for items with embedded rights",
        f"{_IPTC_G2}/tests/schema_versions/G2-multi-schema-2.35.xsd",
        "17d4418862e39352d0f00b013f9c4d3c8b2dbc028c91ef036d3ad612eaf8230a",
    ),
    OfficialSchema(
        "iptc/newsml-g2/2.35/ODRL22.xsd",
        f"{_IPTC_G2}/tests/schema_versions/ODRL22.xsd",
        "W3C ODRL 2.2 XML Schema as IPTC ships it, imported by the wrapper",
        f"{_IPTC_G2}/tests/schema_versions/ODRL22.xsd",
        "315761f659ce4294357a8b563826c62d66a82a3c90744d8e6088d2fcd45479aa",
    ),
    OfficialSchema(
        "iptc/catalogs/catalog.IPTC-G2-Standards_41.xml",
        "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml",
        "IPTC G2 standards catalog 41: the scheme aliases IPTC items use",
        f"{_IPTC_PY}/NewsMLG2/catalogs/catalog.IPTC-G2-Standards_41.xml",
        "bd35fd40dbdc565e9e1590faca981cb7d8ac28c34eb9a90b78ff8060d282ce71",
    ),
    OfficialSchema(
        NINJS_3_SCHEMA,
        "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
        "IPTC ninjs 3.1 JSON Schema",
        f"{_IPTC_NINJS}/specification/ninjs-schema_3.1.json",
        "404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744",
    ),
    OfficialSchema(
        NINJS_2_SCHEMA,
        "https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
        "IPTC ninjs 2.2 JSON Schema",
        f"{_IPTC_NINJS}/specification/ninjs-schema_2.2.json",
        "88c84fa87382c5a7a314fd44ab1041921c7cbac47ab9550bc4964b1fa30897e2",
    ),
    OfficialSchema(
        GEOJSON_SCHEMA,
        f"{_IPTC_NINJS}/validation/test_suite/GeoJSON-schema.json",
        "GeoJSON JSON Schema as IPTC ships it (Draft 2020-12), referenced by both ninjs schemas",
        f"{_IPTC_NINJS}/validation/test_suite/GeoJSON-schema.json",
        "e52886cce1429941ab3725a055a61d6bf8b6f5429837ff7dbca32f809e3500c2",
    ),
    OfficialSchema(
        SCHEMAORG_VOCABULARY,
        "https://schema.org/version/30.0/schemaorg-current-https.jsonld",
        "schema.org vocabulary, release 30.0",
        f"{_SCHEMAORG}/schemaorg-current-https.jsonld",
        "4467fa19edcb1d7fb3c46c0adf3591b7f870c4a60b7838bdb61694fd02864cf6",
    ),
    OfficialSchema(
        SCHEMAORG_CONTEXT,
        "https://schema.org/version/30.0/schemaorgcontext.jsonld",
        "schema.org JSON-LD context, release 30.0",
        f"{_SCHEMAORG}/schemaorgcontext.jsonld",
        "d8167890b056bc7c71eb39b30cbb4816490d5e671371ba50a5a633d1bc36961a",
    ),
    OfficialSchema(
        SCHEMAORG_SUBCLASSES,
        "https://schema.org/version/30.0/schemaorg-subclasses.shacl",
        "schema.org class hierarchy for SHACL, release 30.0",
        f"{_SCHEMAORG}/schemaorg-subclasses.shacl",
        "ddbf483d8f020fa485df0639bc62e5a1f786f185e3504f1c11f339a2edc1eae5",
    ),
)

_BY_PATH = {schema.path: schema for schema in OFFICIAL}


class PinMismatchError(OSError):
    """A downloaded official file whose SHA-256 is not the pinned one (nothing is then cached)."""


@dataclass(frozen=True, slots=True)
class SchemaStore:
    """One configuration of official schemas: the folders searched, and where a missing one goes.

    ``folders`` are searched in order, each with the name of where it came from (for messages).
    ``download_to`` (one of the folders, usually the user cache) receives every missing official
    file the first time one is looked for; None forbids the network. ``base`` replaces each
    file's pinned source by ``base/<path>``. Stores are small, hashable and picklable: caches are
    keyed by them and worker processes receive them.
    """

    folders: tuple[tuple[str, Path], ...]
    download_to: Path | None = None
    base: str | None = None

    @classmethod
    def of(
        cls, *folders: str | os.PathLike[str], download_to: str | os.PathLike[str] | None = None
    ) -> SchemaStore:
        """A store that searches exactly ``folders`` (and downloads into ``download_to`` if given)."""
        target = Path(download_to) if download_to is not None else None
        searched = tuple(("folder", Path(f)) for f in folders)
        if target is not None and all(folder != target for _, folder in searched):
            searched += (("download folder", target),)
        return cls(searched, target, os.environ.get(BASE_VAR) or None)

    def search_path(self) -> list[tuple[str, Path]]:
        """The folders searched, first match wins, each with where it came from."""
        return list(self.folders)

    def find(self, relative: str) -> Path | None:
        """The first file ``relative`` in the folders, or None; never downloads."""
        for _, folder in self.folders:
            candidate = folder / relative
            if candidate.is_file():
                return candidate
        return None

    def locate(self, relative: str) -> Path:
        """The first file ``relative`` on the search path, downloaded first if this store may;
        else an error saying how to get it."""
        found = self.find(relative)
        if found is None and self.download_to is not None and relative in _BY_PATH:
            reason = _first_use_download(self.download_to, self.base)
            found = self.find(relative)
            if found is None:
                raise SchemaNotFoundError(f"official schema {relative} could not be downloaded: {reason}")
        if found is None:
            raise SchemaNotFoundError(self._missing(relative))
        return found

    def _missing(self, relative: str) -> str:
        searched = ", ".join(f"{origin} {folder}" for origin, folder in self.folders)
        offline = "" if self.download_to is not None else " (not downloaded: offline)"
        return (
            f"official schema {relative} not found (searched: {searched}){offline}; "
            f"run `newsconv schemas fetch`, or point --schema-dir or ${ENV_VAR} "
            "at a folder that holds it"
        )


_override: Path | None = None
_offline = False
_active: ContextVar[SchemaStore | None] = ContextVar("newsconv_schema_store", default=None)


def set_schema_dir(path: str | os.PathLike[str] | None) -> None:
    """Put ``path`` first on the default store's search path (what ``--schema-dir`` does); None removes it."""
    global _override
    _override = Path(path) if path is not None else None


def set_offline(offline: bool) -> None:
    """Forbid (or allow again) the default store to download missing schemas (what ``--offline`` does)."""
    global _offline
    _offline = offline


def offline() -> bool:
    """Whether the default store may not download: ``--offline`` or ``NEWSCONV_OFFLINE=1``."""
    return _offline or os.environ.get(OFFLINE_VAR, "").strip().lower() in _TRUE


def cache_dir() -> Path:
    """The per-user folder schemas are downloaded into (XDG cache convention)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsconv" / "schemas"


def default() -> SchemaStore:
    """The store of the process: ``--schema-dir``, ``$NEWSCONV_SCHEMA_DIR``, the cache (downloading
    into it unless offline), following the settings and environment as they change."""
    environ = os.environ
    return _default(
        _override,
        offline(),
        environ.get(ENV_VAR),
        environ.get(BASE_VAR),
        environ.get("XDG_CACHE_HOME"),
        environ.get("HOME"),
    )


@lru_cache(maxsize=8)
def _default(
    override: Path | None,
    offline: bool,
    folder: str | None,
    base: str | None,
    _xdg_cache: str | None,
    _home: str | None,
) -> SchemaStore:
    """The default store for one state of the settings (built once: every cached lookup asks)."""
    folders: list[tuple[str, Path]] = []
    if override is not None:
        folders.append(("--schema-dir", override))
    if folder:
        folders.append((f"${ENV_VAR}", Path(folder)))
    cache = cache_dir()
    folders.append(("cache", cache))
    return SchemaStore(tuple(folders), None if offline else cache, base or None)


def current() -> SchemaStore:
    """The store in use here: the one a caller made active with :func:`using`, else :func:`default`."""
    return _active.get() or default()


@contextmanager
def using(store: SchemaStore | None) -> Iterator[SchemaStore]:
    """Make ``store`` the current one for this thread or task until the block ends (None: no change)."""
    if store is None:
        yield current()
        return
    token = _active.set(store)
    try:
        yield store
    finally:
        _active.reset(token)


def activate(store: SchemaStore | None) -> None:
    """Make ``store`` the current one for the rest of this thread (a worker process's initializer)."""
    _active.set(store)


def search_path() -> list[tuple[str, Path]]:
    """The current store's folders, first match wins, each with where it came from."""
    return current().search_path()


def locate(relative: str) -> Path:
    """The file ``relative`` in the current store (see :meth:`SchemaStore.locate`)."""
    return current().locate(relative)


def own(name: str) -> Traversable:
    """A schema newsconv writes itself, shipped inside the package."""
    return resources.files("newsconv") / "schemas" / name


_P = ParamSpec("_P")
_R = TypeVar("_R")


class PerStore(Generic[_P, _R]):
    """A function of the current schema store, cached per store and arguments (see :func:`per_store`)."""

    def __init__(self, function: Callable[_P, _R], maxsize: int | None) -> None:
        self.__wrapped__ = function
        self.__doc__ = function.__doc__
        self._cached = lru_cache(maxsize)(self._under)

    def _under(self, store: SchemaStore, *args: Hashable) -> _R:
        with using(store):
            return self.__wrapped__(*args)  # type: ignore[call-arg, arg-type]

    def __call__(self, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        if kwargs:
            raise TypeError("a per-store cached function takes positional arguments only")
        return self._cached(current(), *args)

    def cache_clear(self) -> None:
        """Forget every cached result, of every store."""
        self._cached.cache_clear()


def per_store(maxsize: int | None = None) -> Callable[[Callable[_P, _R]], PerStore[_P, _R]]:
    """Like ``functools.lru_cache``, keyed by the current schema store too: for anything loaded
    from official schemas, so that two configurations in one process never share a result."""

    def decorate(function: Callable[_P, _R]) -> PerStore[_P, _R]:
        return PerStore(function, maxsize)

    return decorate


def fetch(
    destination: Path | None = None,
    *,
    base: str | None = None,
    missing_only: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download the official schemas into ``destination`` (default: the cache); their paths.

    Each file comes from its pinned source (or ``base/<path>``) and must have its pinned SHA-256.
    All files are downloaded and checked before any is written, and each is written atomically,
    so a failed or mismatching fetch leaves the folder as it was. With ``missing_only`` the files
    already in ``destination`` are left alone. The only code in newsconv that touches the network.
    """
    import http.client  # here, not at the top: validating never loads the HTTP stack
    import urllib.request

    target = destination or cache_dir()
    wanted = [s for s in OFFICIAL if not (missing_only and (target / s.path).is_file())]
    downloaded = []
    for schema in wanted:
        address = _address(schema, base)
        try:
            with urllib.request.urlopen(address, timeout=timeout) as response:
                data = response.read()
        except (http.client.HTTPException, ValueError) as error:  # a broken reply, not only no reply
            raise OSError(f"{address}: {error or type(error).__name__}") from error
        digest = hashlib.sha256(data).hexdigest()
        if digest != schema.sha256:
            raise PinMismatchError(f"{address}: SHA-256 {digest} is not the pinned {schema.sha256}")
        downloaded.append((schema.path, data))
    return [write_atomically(target / path, data) for path, data in downloaded]


def _address(schema: OfficialSchema, base: str | None) -> str:
    if base is None:
        return schema.source
    if not base.startswith(("http://", "https://", "file://")):
        raise OSError(f"download base {base!r} is no http(s) or file URL")
    return f"{base.rstrip('/')}/{schema.path}"


_failed: dict[tuple[Path, str | None], str] = {}


def _first_use_download(target: Path, base: str | None) -> str | None:
    """Fetch every official file missing from ``target``, saying so on stderr; why it failed, or None.

    A failure is remembered for the rest of the process, so a batch tries (and waits) once.
    """
    if (target, base) in _failed:
        return _failed[target, base]
    origin = base or "their pinned sources (GitHub)"
    sys.stderr.write(
        f"newsconv: official schemas missing; downloading them once from {origin} into {target} "
        f"(--offline or {OFFLINE_VAR}=1 forbids this)\n"
    )
    try:
        fetch(target, base=base, missing_only=True)
    except OSError as error:
        sys.stderr.write(f"newsconv: download failed, nothing cached: {error}\n")
        _failed[target, base] = str(error)
        return str(error)
    return None
