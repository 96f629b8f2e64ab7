import copy
import datetime as dt

import pytest

from bot.kb.catalog import CatalogError, load_catalog
from bot.kb.knowledge import Knowledge
from tests.kb.catalog_fixture import FIELDS, PROGRAMS, SEMINARS, write_catalog


def test_the_shipped_catalog_loads_with_known_sources():
    catalog = load_catalog(known_sources=set(Knowledge().sources))
    assert len(catalog.programs) >= 40 and len(catalog.ssw_fields) == 19 and catalog.seminars
    assert {field.id for field in catalog.ssw_fields if not field.in_force} == {
        "linen_supply", "logistics_warehousing", "resource_recycling"}  # fmt: skip
    assert all(seminar.sample for seminar in catalog.seminars)


def test_fixture_catalog_loads(tmp_path):
    catalog = load_catalog(write_catalog(tmp_path))
    assert catalog.program("business_succession").budget_million_yen == 525
    assert catalog.seminars[1].starts_at == dt.datetime(2026, 12, 5, 1, 0, tzinfo=dt.timezone.utc)


def broken(records, index, **changes):
    records = copy.deepcopy(records)
    records[index].update(changes)
    return records


@pytest.mark.parametrize(
    "kind, records, message",
    [
        ("programs", broken(PROGRAMS, 1, budget_reading="maybe"), "record 2 (bcp_support): 'budget_reading'"),
        ("programs", broken(PROGRAMS, 0, strategies=["VI"]), "record 1 (business_succession): 'strategies'"),
        ("programs", broken(PROGRAMS, 0, budget_million_yen=-5), "'budget_million_yen' must be a whole number"),
        ("programs", broken(PROGRAMS, 0, keywords={"ja": ["x"]}), "'keywords' must be a mapping"),
        (
            "programs",
            broken(PROGRAMS, 0, keywords={"ja": ["x"], "en": ["x"], "vi": ["x"], "fr": ["x"]}),
            "'keywords' must be a mapping",
        ),
        ("programs", broken(PROGRAMS, 2, id="bcp_support"), "id 'bcp_support' appears twice"),
        ("fields", broken(FIELDS, 0, in_force="yes"), "record 1 (food_service): 'in_force' must be true or false"),
        ("seminars", broken(SEMINARS, 1, starts_at="2026-12-05 10:00"), "record 2 (soon): 'starts_at'"),
        ("seminars", broken(SEMINARS, 1, program_id="nothing"), "soon: unknown program_id 'nothing'"),
    ],
)
def test_a_malformed_record_is_refused_naming_file_and_record(tmp_path, kind, records, message):
    write_catalog(tmp_path, **{kind: records})
    with pytest.raises(CatalogError) as error:
        load_catalog(tmp_path)
    assert message in str(error.value)
    assert ".yml" in str(error.value)


def test_unknown_source_is_refused(tmp_path):
    write_catalog(tmp_path)
    with pytest.raises(CatalogError, match="unknown source 'isa_ssw'"):
        load_catalog(tmp_path, known_sources={"tmg_sme_plan_fy2021", "tmg_foreign_talent_report"})


def test_keywords_may_come_in_any_contract_language(tmp_path):
    keywords = {"ja": ["事業承継"], "en": ["succession"], "vi": ["kế thừa"], "th": ["สืบทอดกิจการ"]}
    write_catalog(tmp_path, programs=broken(PROGRAMS, 0, keywords=keywords))
    assert load_catalog(tmp_path).programs[0].keywords["th"] == ("สืบทอดกิจการ",)
