"""The NewsML-G2 rule set beyond the XSD (one test per rule id) and the any-root G2 validator."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsconv import schema_store
from newsconv.validate import newsml_g2, newsml_rules

NAR = newsml_rules.NAR
IPTC_41 = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"


def item(
    *,
    catalog: str = f'<catalogRef href="{IPTC_41}"/>',
    meta: str = "",
    version_created: str = "2024-01-01T12:00:00Z",
    content: str = '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body/></html></inlineXML>',
    guid: str = "urn:example:1",
    lang: str = "en-GB",
) -> str:
    """A newsItem valid against the 2.35 XSD, with the given parts swapped in."""
    return (
        f'<newsItem xmlns="{NAR}" guid="{guid}" version="1" standard="NewsML-G2" standardversion="2.35" '
        f'conformance="power" xml:lang="{lang}">{catalog}'
        f'<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:IPTC"/>'
        f"<versionCreated>{version_created}</versionCreated></itemMeta>"
        f"<contentMeta>{meta}</contentMeta><contentSet>{content}</contentSet></newsItem>"
    )


def rules_of(document: str) -> list[str]:
    return [f.rule for f in newsml_rules.check(etree.fromstring(document.encode()))]


def validate(document: str) -> newsml_g2.Result:
    return newsml_g2.validate(io.BytesIO(document.encode()))


def test_the_template_item_is_valid_and_breaks_no_rule() -> None:
    assert validate(item()).findings == []


def test_rules_table_documents_every_rule() -> None:
    assert newsml_rules.__doc__ is not None
    for rule, severity in newsml_rules.RULES.items():
        line = next(l for l in newsml_rules.__doc__.splitlines() if l.startswith(f"``{rule}``"))
        assert severity in line


def test_qcode_alias_undeclared_in_a_known_catalog_is_reported() -> None:
    document = item(meta='<subject qcode="nosuchscheme:1"/><subject qcode="medtop:20000002"/>')
    findings = newsml_rules.check(etree.fromstring(document.encode()))
    assert [(f.rule, f.severity) for f in findings] == [("g2.qcode-alias", "warning")]
    assert "nosuchscheme" in findings[0].message


def test_qcode_alias_declared_inline_by_the_item_is_accepted() -> None:
    catalog = f'<catalogRef href="{IPTC_41}"/><catalog><scheme alias="mine" uri="http://example.org/mine/"/></catalog>'
    assert rules_of(item(catalog=catalog, meta='<subject qcode="mine:1"/>')) == []


def test_qcode_alias_checks_an_older_iptc_catalog_against_the_newest() -> None:
    old = '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"/>'
    assert rules_of(item(catalog=old, meta='<subject qcode="medtop:1"/>')) == []
    assert rules_of(item(catalog=old, meta='<subject qcode="zz:1"/>')) == ["g2.qcode-alias"]


def test_qcode_alias_with_no_catalog_at_all_is_reported() -> None:
    assert rules_of(item(catalog="")) == ["g2.qcode-alias", "g2.qcode-alias"]  # ninat and nprov


def test_catalog_unknown_is_a_warning_and_stops_the_alias_check() -> None:
    catalog = f'<catalogRef href="{IPTC_41}"/><catalogRef href="http://example.org/private-catalog.xml"/>'
    findings = newsml_rules.check(
        etree.fromstring(item(catalog=catalog, meta='<subject qcode="priv:1"/>').encode())
    )
    assert [(f.rule, f.severity) for f in findings] == [("g2.catalog-unknown", "warning")]


def test_qcode_attributes_come_from_the_xsd() -> None:
    names = newsml_rules.qcode_attributes()
    assert {"qcode", "type", "role", "rel", "creator", "pubconstraint"} <= names
    assert "contenttype" not in names and "href" not in names


def test_cpnat_type_must_be_a_concept_nature() -> None:
    meta = '<subject type="cpnat:person" qcode="medtop:1"/><subject type="cpnat:persn" qcode="medtop:2"/>'
    findings = newsml_rules.check(etree.fromstring(item(meta=meta).encode()))
    assert [(f.rule, f.severity) for f in findings] == [("g2.cpnat-type", "error")]
    assert "cpnat:persn" in findings[0].message


@pytest.mark.parametrize("value", ["2024-01-01T12:00:00", "2024-01-01T12:00:00.5", "2024-01-01"])
def test_version_created_without_time_zone_is_an_error(value: str) -> None:
    assert rules_of(item(version_created=value)) == ["g2.version-created"]


@pytest.mark.parametrize(
    "value", ["2024-01-01T12:00:00Z", "2024-01-01T12:00:00+05:30", " 2024-01-01T12:00:00-04:00 "]
)
def test_version_created_with_time_zone_passes(value: str) -> None:
    assert rules_of(item(version_created=value)) == []


@pytest.mark.parametrize(
    "content",
    [
        '<inlineXML contenttype="application/xhtml+xml"><html/></inlineXML>',  # no namespace
        '<inlineXML contenttype="application/xhtml+xml"><p xmlns="http://www.w3.org/1999/xhtml"/></inlineXML>',
        (
            '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"/>'
            '<html xmlns="http://www.w3.org/1999/xhtml"/></inlineXML>'
        ),
        '<inlineXML contenttype="application/nitf+xml"><html xmlns="http://www.w3.org/1999/xhtml"/></inlineXML>',
    ],
)
def test_inline_xml_must_hold_one_payload_root_in_its_namespace(content: str) -> None:
    assert rules_of(item(content=content)) == ["g2.inline-xml"]


def test_inline_xml_with_nitf_and_other_payloads() -> None:
    nitf = '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/></inlineXML>'
    assert rules_of(item(content=nitf)) == []
    events = "<inlineXML><events><event/></events></inlineXML>"  # no contenttype: any payload
    assert rules_of(item(content=events)) == []


def test_inline_xml_empty_is_a_warning() -> None:
    content = '<inlineXML contenttype="application/xhtml+xml"><!-- story --></inlineXML>'
    findings = newsml_rules.check(etree.fromstring(item(content=content).encode()))
    assert [(f.rule, f.severity) for f in findings] == [("g2.inline-xml-empty", "warning")]


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "en-GB",
        "de-CH-1996",
        "zh-Hant-TW",
        "sr-Latn-RS",
        "es-419",
        "x-private",
        "i-klingon",
        "en-a-bbb-x-a-ccc",
        "und",
    ],
)
def test_xml_lang_accepts_bcp47_tags(tag: str) -> None:
    assert newsml_rules.is_valid_language_tag(tag)
    assert rules_of(item(lang=tag)) == []


@pytest.mark.parametrize("tag", ["englishes", "en_GB", "en-", "-en", "e", "en-GB-", "a-DE", "en--GB", "123"])
def test_xml_lang_rejects_malformed_tags(tag: str) -> None:
    assert not newsml_rules.is_valid_language_tag(tag)
    assert rules_of(item(lang=tag)) == ["g2.xml-lang"]


@given(
    st.from_regex(r"[a-z]{2,3}", fullmatch=True),
    st.none() | st.from_regex(r"[A-Z][a-z]{3}", fullmatch=True),
    st.none() | st.from_regex(r"[A-Z]{2}|[0-9]{3}", fullmatch=True),
)
def test_language_script_region_tags_are_valid(language: str, script: str | None, region: str | None) -> None:
    tag = "-".join(p for p in (language, script, region) if p)
    assert newsml_rules.is_valid_language_tag(tag)


def test_guid_is_collected_for_the_batch_check() -> None:
    assert validate(item(guid="urn:example:42")).guids == [("urn:example:42", 1)]


def test_any_g2_root_is_validated_against_the_xsd() -> None:
    catalog = f'<catalog xmlns="{NAR}"><scheme alias="a" uri="http://example.org/a/"/></catalog>'
    assert validate(catalog).findings == []
    concept = f'<conceptItem xmlns="{NAR}" guid="g" standard="NewsML-G2" standardversion="2.35" conformance="power"/>'
    assert [f.rule for f in validate(concept).findings][:1] == ["xsd"]


def test_embedded_odrl_is_validated_with_the_multi_schema(shared: Path) -> None:
    path = (
        shared
        / "corpora"
        / "newsml-g2-examples"
        / "iptc-test__2.34_should_pass__CR00219_datamining_in_rightsinfo_embeddedrights.xml"
    )
    assert [f for f in newsml_g2.validate(path).findings if f.severity == "error"] == []
    plain = newsml_g2.xsd.schema(schema_store.locate(schema_store.NEWSML_XSD))
    assert not plain.validate(etree.parse(str(path)))  # the plain XSD alone rejects it


def test_news_message_items_are_validated_one_by_one_with_their_lines() -> None:
    good, bad = item(guid="urn:a"), item(guid="urn:b").replace("<provider", "<bogus/><provider")
    message = (
        f'<newsMessage xmlns="{NAR}"><header><sent>2024-01-01T00:00:00Z</sent></header>\n'
        f"<itemSet>\n{good}\n{bad}\n</itemSet></newsMessage>"
    )
    result = validate(message)
    assert [(f.rule, f.line) for f in result.findings] == [("xsd", 4)]
    assert [g for g, _ in result.guids] == ["urn:a", "urn:b"]


def test_news_message_structure_is_still_checked() -> None:
    message = f'<newsMessage xmlns="{NAR}"><itemSet>{item()}</itemSet></newsMessage>'
    findings = validate(message).findings
    assert [f.rule for f in findings] == ["xsd"] and "header" in findings[0].message


def test_empty_item_set_is_an_xsd_error() -> None:
    message = f'<newsMessage xmlns="{NAR}"><header><sent>2024-01-01T00:00:00Z</sent></header><itemSet/></newsMessage>'
    assert [f.rule for f in validate(message).findings] == ["xsd"]


def test_malformed_xml_is_a_syntax_finding_with_its_line() -> None:
    findings = validate(item() + "\n<extra>").findings
    assert [(f.rule, f.line) for f in findings] == [("xml.syntax", 2)]


def test_idref_must_name_an_id_of_the_item() -> None:
    content = (
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        '<head><title>t</title></head><body><p id="p1">x</p></body></html></inlineXML>'
    )
    good = item(meta='<subject qcode="medtop:1"/>', content=content).replace(
        "</contentMeta>", '</contentMeta><inlineRef idrefs="p1" qcode="medtop:1"/>'
    )
    assert [f.rule for f in validate(good).findings] == []
    bad = good.replace('idrefs="p1"', 'idrefs="p1 p9"')
    findings = validate(bad).findings
    assert [(f.rule, f.severity) for f in findings] == [("newsml.idref", "error")] and "'p9'" in findings[
        0
    ].message


def test_news_message_items_each_have_their_own_id_space() -> None:
    content = (
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        '<head><title>t</title></head><body><p id="p1">x</p></body></html></inlineXML>'
    )
    parts = "".join(
        item(guid=f"urn:{n}", content=content).replace(
            "</contentMeta>", '</contentMeta><partMeta partid="q1"/>'
        )
        for n in range(3)
    )
    message = (
        f'<newsMessage xmlns="{NAR}"><header><sent>2024-01-01T00:00:00Z</sent></header>'
        f"<itemSet>{parts}</itemSet></newsMessage>"
    )
    result = validate(message)
    assert result.findings == [] and len(result.guids) == 3
