"""The NewsML-G2 rules decide on attribute values first and look for elements only to explain a
finding: that shortcut must never hide a finding nor invent one, wherever the attribute sits."""

from __future__ import annotations

from collections import Counter
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newsconv.validate import newsml_rules

NAR = newsml_rules.NAR
XHTML = newsml_rules.XHTML
XML_NS = "http://www.w3.org/XML/1998/namespace"
IPTC_41 = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"

QCODE_VALUES = [
    "medtop:1",
    "cpnat:person",
    "cpnat:persn",
    "zz:1",
    "loc:1",
    "plain",
    "medtop:1 zz:2 cpnat:poi",
]
ID_VALUES = ["e1", "e2", "q1"]
REFERENCE_VALUES = ["e1", "e2 q1", "e3", "q1 e9"]
LANGUAGE_VALUES = ["en", "en-GB", "en_GB", "x-private", "123"]
ATTRIBUTES = st.one_of(
    st.tuples(st.sampled_from(["qcode", "type", "role", "rel"]), st.sampled_from(QCODE_VALUES)),
    st.tuples(st.sampled_from(["id", "partid", "xml:id"]), st.sampled_from(ID_VALUES)),
    st.tuples(st.sampled_from(["idrefs", "contentrefs"]), st.sampled_from(REFERENCE_VALUES)),
    st.tuples(st.just("xml:lang"), st.sampled_from(LANGUAGE_VALUES)),
    st.tuples(st.just("class"), st.sampled_from(QCODE_VALUES)),
)
PLACES = st.sampled_from(["meta", "body", "catalog"])  # a G2 element, an XHTML one, one in a catalog


def document(slots: list[tuple[str, str, str]], catalog_ref: bool) -> bytes:
    """An item with one element per slot, each on a line of its own (a repeated ``xml:id``, which
    XML forbids, becomes a ``partid``)."""
    meta, body, catalog, xml_ids = [], [], [], set()
    for place, given_name, value in slots:
        name = "partid" if given_name == "xml:id" and value in xml_ids else given_name
        xml_ids |= {value} if name == "xml:id" else set()
        if place == "meta":
            meta.append(f'<subject {name}="{value}"/>')
        elif place == "body":
            body.append(f'<span {name}="{value}"/>')
        else:
            catalog.append(f'<scheme alias="s" uri="http://example.org/s/"><name {name}="{value}"/></scheme>')
    reference = f'<catalogRef href="{IPTC_41}"/>' if catalog_ref else ""
    lines = [
        f'<newsItem xmlns="{NAR}" guid="g" version="1">',
        reference,
        '<catalog><scheme alias="loc" uri="http://example.org/loc/"/>',
        *catalog,
        "</catalog>",
        "<contentMeta>",
        *meta,
        "</contentMeta>",
        f'<contentSet><inlineXML><html xmlns="{XHTML}"><body>',
        *body,
        "</body></html></inlineXML></contentSet></newsItem>",
    ]
    return "\n".join(lines).encode()


def expected(root: etree._Element) -> Counter[tuple[str, int]]:
    """The (rule, line) pairs of the attribute rules, found the slow, obvious way."""
    found: Counter[tuple[str, int]] = Counter()
    catalogs = set(root.iterchildren(f"{{{NAR}}}catalog"))
    in_catalog = {e for c in catalogs for e in c.iter()}
    refs = root.findall(f"{{{NAR}}}catalogRef")
    declared = {s.get("alias") for s in root.iter(f"{{{NAR}}}scheme")}
    for ref in refs:
        declared |= newsml_rules.catalog_aliases(ref.get("href")) or set()
    ids = {v for e in root.iter() for n, v in e.items() if n in ("id", "partid", f"{{{XML_NS}}}id")}
    for element in root.iter(etree.Element):
        line = cast(int, element.sourceline)
        covered = element.tag.startswith(f"{{{NAR}}}") and element not in in_catalog
        for name, value in cast("list[tuple[str, str]]", element.items()):
            if name in newsml_rules.qcode_attributes() and covered:
                for token in value.split():
                    alias, colon, code = token.partition(":")
                    if colon and alias not in declared:
                        found["g2.qcode-alias", line] += 1
                    if alias == "cpnat" and code not in newsml_rules.CONCEPT_NATURES:
                        found["g2.cpnat-type", line] += 1
            elif name == f"{{{XML_NS}}}lang" and not newsml_rules.is_valid_language_tag(value):
                found["g2.xml-lang", line] += 1
            elif name in ("idrefs", "contentrefs"):
                found.update(("newsml.idref", line) for token in value.split() if token not in ids)
    return found


@settings(max_examples=300, deadline=None)
@given(
    slots=st.lists(st.tuples(PLACES, ATTRIBUTES).map(lambda s: (s[0], *s[1])), max_size=8),
    catalog_ref=st.booleans(),
)
def test_attribute_rules_match_a_slow_reference(slots: list[tuple[str, str, str]], catalog_ref: bool) -> None:
    root = etree.fromstring(document(slots, catalog_ref))
    got = Counter(
        (f.rule, f.line)
        for f in newsml_rules.check(root)
        if f.rule in ("g2.qcode-alias", "g2.cpnat-type", "g2.xml-lang", "newsml.idref")
    )
    assert got == expected(root)


def test_a_bad_qcode_value_on_an_uncovered_element_is_no_finding() -> None:
    slots = [("catalog", "qcode", "zz:1"), ("body", "rel", "cpnat:persn")]
    assert newsml_rules.check(etree.fromstring(document(slots, catalog_ref=True))) == []


def test_the_same_value_is_reported_only_where_it_is_covered() -> None:
    slots = [("catalog", "qcode", "zz:1"), ("meta", "qcode", "zz:1"), ("body", "type", "zz:1")]
    findings = newsml_rules.check(etree.fromstring(document(slots, catalog_ref=True)))
    assert [(f.rule, f.line) for f in findings] == [("g2.qcode-alias", 7)]


def test_several_undeclared_aliases_of_one_value_are_reported_in_order() -> None:
    slots = [("meta", "qcode", "zz:1 aa:2 medtop:3")]
    findings = newsml_rules.check(etree.fromstring(document(slots, catalog_ref=True)))
    assert ["'aa'" in findings[0].message, "'zz'" in findings[1].message] == [True, True]


def test_memo_forgets_when_full_and_stays_right() -> None:
    memo = newsml_rules._Memo(str.upper, limit=2)
    assert [memo[v] for v in ("a", "b", "c", "a")] == ["A", "B", "C", "A"]
    assert len(memo) <= 2
