"""Output identifiers keep the source's identity: guid and version, content only when there is none."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsconv import identity
from newsconv.model import Article

GUIDS = st.sampled_from(
    [
        "urn:newsml:dpa.com:20090101:250123-930-353124",
        "https://example.com/a?x=1",
        "tag:x,2010:1",
        "not an iri",
        None,
    ]
)


def test_the_source_guid_is_the_guid_and_names_the_version() -> None:
    dpa = Article("h", guid="urn:newsml:dpa.com:20090101:250123-930-353124", version=2)
    assert identity.article_guid(dpa) == dpa.guid
    assert identity.article_iri(dpa) == "urn:newsml:dpa.com:20090101:250123-930-353124:v2"
    web = Article("h", guid="https://example.com/story?id=7", version=3)
    assert identity.article_iri(web) == "https://example.com/story?id=7&version=3"
    assert identity.article_iri(Article("h", guid="https://example.com/s")) == "https://example.com/s"


def test_only_an_article_without_guid_is_named_by_its_text() -> None:
    text = Article("h", ("p",))
    assert identity.article_guid(text) == identity.article_iri(text) == identity.article_uuid(text).urn
    assert identity.article_guid(Article("h", ("p",), guid="urn:x:1")) == "urn:x:1"


@given(GUIDS, st.none() | st.integers(1, 5), GUIDS, st.none() | st.integers(1, 5))
def test_two_different_items_never_share_an_iri(
    guid: str | None, version: int | None, other_guid: str | None, other_version: int | None
) -> None:
    one = Article("same headline", ("same text",), guid=guid, version=version)
    two = Article("same headline", ("same text",), guid=other_guid, version=other_version)
    if (guid, version) != (other_guid, other_version):
        assert identity.article_iri(one) != identity.article_iri(two)


def test_node_iris_hang_under_the_version_and_come_back() -> None:
    article = Article("h", guid="urn:x:1", version=1)
    iri = identity.node_iri(article, "Acme Widget")
    assert iri == "urn:x:1:v1#Acme%20Widget"
    assert identity.local_id(iri.partition("#")[2]) == "Acme Widget"
