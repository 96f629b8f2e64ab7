import datetime as dt

import pytest

from bot.kb.catalog import load_catalog
from bot.kb.search import ProgramIndex, find_field, upcoming_seminars
from tests.kb.catalog_fixture import write_catalog


@pytest.fixture
def catalog(tmp_path):
    return load_catalog(write_catalog(tmp_path))


@pytest.mark.parametrize(
    "query",
    [
        "事業承継の支援はありますか",
        "help with business succession",
        "ho tro ke thua doanh nghiep",
        "hỗ trợ kế thừa doanh nghiệp",
    ],
)
def test_the_same_program_is_found_in_every_language(catalog, query):
    assert ProgramIndex(catalog.programs).search(query)[0].program.id == "business_succession"


def test_a_topic_entity_boosts_and_audience_filters(catalog):
    index = ProgramIndex(catalog.programs)
    assert index.search("support", topics=["bcp"])[0].program.id == "bcp_support"
    assert all(hit.program.id != "job_hunting_seminar" for hit in index.search("seminar", audience="employer"))


def test_nothing_matches_nonsense(catalog):
    assert ProgramIndex(catalog.programs).search("zzqx") == []


def test_past_seminars_are_never_offered(catalog):
    now = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
    assert [s.id for s in upcoming_seminars(catalog.seminars, now)] == ["soon", "later"]
    assert [s.id for s in upcoming_seminars(catalog.seminars, now, format="online")] == ["later"]
    assert upcoming_seminars(catalog.seminars, now, audience="employer") == []
    assert upcoming_seminars(catalog.seminars, dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)) == []


@pytest.mark.parametrize(
    "text, entities, field",
    [
        ("can I hire SSW workers for my ramen shop?", [], "food_service"),
        ("ラーメン屋で特定技能の人を雇えますか", [], "food_service"),
        ("nha hang cua toi co the tuyen tokutei khong", [], "food_service"),
        ("our bus company", [], "automobile_transport"),
        ("is our business eligible", [], None),  # 'bus' must not match inside 'business'
        ("anything", ["food_service"], "food_service"),
        ("we run a linen supply company", [], "linen_supply"),
    ],
)
def test_find_field(catalog, text, entities, field):
    found = find_field(catalog, text, entities)
    assert (found.id if found else None) == field


def test_programs_are_found_by_their_strategy(catalog):
    from bot.kb.catalog import strategy_names

    index = ProgramIndex(catalog.programs, strategies=strategy_names())
    assert index.search("経営マネジメントの強化の施策は？")[0].program.id in {"business_succession", "bcp_support"}
    assert index.search("programs for hiring foreign talent")[0].program.id == "job_hunting_seminar"
