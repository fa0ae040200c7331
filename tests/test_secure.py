"""Untrusted XML and JSON: entity bombs, XXE, external DTDs and absurd nesting fail cleanly, touching nothing.

Three kinds of proof that nothing is read from disk or network: a document refused before libxml2
is called (the parser is replaced by one that fails the test), an inotify watch on a secret file
that must see no open, and a listening local socket that must receive no connection.
"""

from __future__ import annotations

import ctypes
import os
import socket
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from newsconv import api, schema_store, secure
from newsconv.errors import InputError, NewsconvError
from newsconv.formats import newsml

SECRET = "s3cret-do-not-leak"
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'.encode()
        for n in range(1, 10)
    )
    + b"]>\n<lolz>&lol9;</lolz>\n"
)


def xxe(path: str) -> bytes:
    return f'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM "file://{path}">]><newsItem>&x;</newsItem>'.encode()


def utf16(document: bytes) -> bytes:
    """The document in UTF-16, where no byte scan finds ``<!DOCTYPE``: it reaches libxml2."""
    text = document.decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    return text.encode("utf-16")


class NoLibxml2:
    """Stands in for lxml.etree in newsconv.secure: any use fails the test."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the document reached libxml2 (etree.{name})")


@pytest.fixture
def schemas(monkeypatch: pytest.MonkeyPatch) -> None:
    """The official schemas, which reading through the API validates against first."""
    if not any((folder / schema_store.NEWSML_XSD).is_file() for _, folder in schema_store.search_path()):
        monkeypatch.setenv(
            schema_store.ENV_VAR, str(Path(__file__).resolve().parents[2] / "shared" / "schemas")
        )


@pytest.fixture
def no_libxml2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secure, "etree", NoLibxml2())


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def opened(secret_file: Path) -> Iterator[Callable[[], bool]]:
    """Whether the secret file was opened or read since the fixture began (Linux inotify)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("inotify is Linux only")
    libc = ctypes.CDLL(None, use_errno=True)
    descriptor = libc.inotify_init1(os.O_NONBLOCK)
    if descriptor < 0 or libc.inotify_add_watch(descriptor, str(secret_file).encode(), 0x01 | 0x20) < 0:
        pytest.skip("inotify is not available")  # IN_ACCESS | IN_OPEN

    def events() -> bool:
        try:
            return bool(os.read(descriptor, 4096))
        except BlockingIOError:
            return False

    yield events
    os.close(descriptor)


@pytest.fixture
def listener() -> Iterator[tuple[str, Callable[[], bool]]]:
    """A local URL and whether anything connected to it (a connect completes before any accept)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)

    def connected() -> bool:
        try:
            server.accept()[0].close()
            return True
        except BlockingIOError:
            return False

    yield f"http://127.0.0.1:{server.getsockname()[1]}", connected
    server.close()


def refusal(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        secure.parse_xml(data, "evil.xml")
    assert caught.value.source == "evil.xml"
    return caught.value.problem


def test_well_formed_xml_still_parses() -> None:
    assert secure.parse_xml(b"<a><b>text</b></a>", None).findtext("b") == "text"


@pytest.mark.usefixtures("no_libxml2")
def test_billion_laughs_is_refused_before_any_parsing() -> None:
    assert "DOCTYPE" in refusal(BILLION_LAUGHS)


@pytest.mark.usefixtures("no_libxml2")
def test_xxe_reading_etc_passwd_is_refused_without_reading_it(secret_file: Path) -> None:
    problem = refusal(xxe("/etc/passwd"))
    assert "root:" not in problem and "DOCTYPE" in problem
    # an existing file, a secret one and a missing one get the same answer: none was looked at
    assert refusal(xxe(str(secret_file))) == refusal(xxe("/nonexistent/file")) == problem


@pytest.mark.usefixtures("no_libxml2")
def test_external_dtd_is_refused_before_any_fetch(listener: tuple[str, Callable[[], bool]]) -> None:
    url, connected = listener
    assert "DOCTYPE" in refusal(f'<!DOCTYPE newsItem SYSTEM "{url}/g2.dtd"><newsItem/>'.encode())
    assert not connected()


def test_xxe_that_reaches_libxml2_opens_no_file(secret_file: Path, opened: Callable[[], bool]) -> None:
    hidden = (
        f"<!-- <a --><!DOCTYPE a [<!ENTITY x SYSTEM 'file://{secret_file}'>]><a>&x;</a>"  # no scan sees it
    )
    for document in (utf16(xxe(str(secret_file))), hidden.encode()):
        assert SECRET not in refusal(document)
    assert not opened()
    secret_file.read_text(encoding="utf-8")
    assert opened()  # the watch does see an open


def test_external_dtd_and_entities_that_reach_libxml2_use_no_network(
    listener: tuple[str, Callable[[], bool]],
) -> None:
    url, connected = listener
    for document in (
        f'<?xml version="1.0"?><!DOCTYPE a SYSTEM "{url}/a.dtd"><a/>',
        f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY % p SYSTEM "{url}/p"> %p;]><a/>',
        f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "{url}/x">]><a>&x;</a>',
    ):
        refusal(utf16(document.encode()))
    assert not connected()
    socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1]))).close()
    assert connected()  # the listener does see a connection


def test_deeply_nested_xml_is_refused() -> None:
    assert "depth" in refusal(b"<a>" * 10_000 + b"</a>" * 10_000).lower()


@pytest.mark.usefixtures("schemas")
def test_readers_and_the_api_refuse_the_same_documents_touching_nothing(
    secret_file: Path, opened: Callable[[], bool], listener: tuple[str, Callable[[], bool]]
) -> None:
    url, connected = listener
    documents = [BILLION_LAUGHS, xxe(str(secret_file)), b"<a>" * 10_000 + b"</a>" * 10_000]
    documents += [
        utf16(xxe(str(secret_file))),
        utf16(f'<?xml version="1.0"?><!DOCTYPE a SYSTEM "{url}/a"><a/>'.encode()),
    ]
    for document in documents:
        for read, error in (
            (partial(newsml.read, document, "evil.xml"), InputError),
            (partial(api.read, document, "newsml", source="evil.xml"), InputError),
            (
                partial(api.read, document, "auto", source="evil.xml"),
                NewsconvError,
            ),  # detection may refuse first
        ):
            with pytest.raises(error) as caught:
                read()
            assert SECRET not in str(caught.value)
            assert not isinstance(caught.value, InputError) or caught.value.source == "evil.xml"
    assert not opened() and not connected()


@pytest.mark.parametrize(
    "data",
    [b"[" * 10_000 + b"]" * 10_000, b'{"a":' * 10_000 + b"1" + b"}" * 10_000, b"[" * 1_000_000],
    ids=["arrays", "objects", "unclosed"],
)
def test_deeply_nested_json_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="nested") as caught:
        secure.load_json(data, "deep.json")
    assert caught.value.source == "deep.json"


def test_huge_json_is_refused_unparsed() -> None:
    with pytest.raises(InputError, match="larger than"):
        secure.load_json(b" " * (secure.MAX_JSON_BYTES + 1), "huge.json")


@pytest.mark.parametrize("data", [b'{"a": NaN}', b"\xff\xfe{}", b'{"a": '])
def test_json_that_is_no_json_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        secure.load_json(data, "bad.json")


def test_json_nested_within_the_limit_loads() -> None:
    depth = secure.MAX_JSON_DEPTH
    expected: list[Any] = []
    for _ in range(depth - 1):
        expected = [expected]
    assert secure.load_json(b"[" * depth + b"]" * depth, None) == expected
