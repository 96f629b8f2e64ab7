"""A small catalog written to a temporary folder, for tests that must not
depend on the real catalog's contents."""

import yaml

PROGRAMS = [
    {
        "id": "business_succession", "strategies": ["I"], "measure_ja": "廃業への対応",
        "name_ja": "事業承継・再生支援事業", "name_en": "Business succession and revitalization support",
        "budget_million_yen": 525, "budget_reading": "slide_layout", "status": "unknown",
        "audience": ["employer"], "topics": ["succession"],
        "summary_en": "Helps SMEs hand their business over.", "offers_en": ["M&A matching support"],
        "keywords": {"ja": ["事業承継", "後継者"], "en": ["business succession", "successor"],
                     "vi": ["kế thừa doanh nghiệp", "ke thua doanh nghiep"]},
        "source": "tmg_sme_plan_fy2021",
    },
    {
        "id": "bcp_support", "strategies": ["I"], "measure_ja": None,
        "name_ja": "東京都ＢＣＰ策定支援事業", "name_en": "Tokyo BCP formulation support",
        "budget_million_yen": None, "budget_reading": "none", "status": "unknown",
        "audience": ["employer"], "topics": ["bcp"],
        "summary_en": "Helps SMEs write a business continuity plan.", "offers_en": [],
        "keywords": {"ja": ["BCP", "事業継続計画"], "en": ["BCP", "business continuity plan"],
                     "vi": ["kế hoạch kinh doanh liên tục", "BCP"]},
        "source": "tmg_sme_plan_fy2021",
    },
    {
        "id": "job_hunting_seminar", "strategies": ["FT"], "measure_ja": None,
        "name_ja": "外国人材向け就職セミナー", "name_en": "Job-hunting seminars for foreign nationals",
        "budget_million_yen": None, "budget_reading": "none", "status": "unknown",
        "audience": ["job_seeker"], "topics": [],
        "summary_en": "Seminars on finding a job at a Tokyo SME.", "offers_en": [],
        "keywords": {"ja": ["就職セミナー"], "en": ["job hunting seminar"], "vi": ["hội thảo tìm việc"]},
        "source": "tmg_foreign_talent_report",
    },
]  # fmt: skip

FIELDS = [
    {
        "id": "food_service", "name_ja": "外食業", "name_en": "Food service (restaurants)", "in_force": True,
        "description_en": "Cooking and serving in restaurants.",
        "businesses": {"ja": ["ラーメン屋", "居酒屋"], "en": ["ramen shop", "restaurant"],
                       "vi": ["nhà hàng", "nha hang"]},
        "japanese_test_en": "JFT-Basic or JLPT N4 or above", "type2_available": "yes", "dispatch_allowed": False,
        "source": "isa_ssw",
    },
    {
        "id": "automobile_transport", "name_ja": "自動車運送業", "name_en": "Automobile transport", "in_force": True,
        "description_en": "Driving trucks, buses and taxis.",
        "businesses": {"ja": ["運送会社", "バス"], "en": ["bus", "truck"], "vi": ["xe tải", "xe tai"]},
        "japanese_test_en": "JFT-Basic or JLPT N4 or above", "type2_available": "check", "dispatch_allowed": False,
        "source": "isa_ssw",
    },
    {
        "id": "linen_supply", "name_ja": "リネンサプライ", "name_en": "Linen supply", "in_force": False,
        "description_en": "Washing and supplying linen.",
        "businesses": {"ja": ["リネンサプライ"], "en": ["linen supply"], "vi": ["giặt là"]},
        "japanese_test_en": "to be set", "type2_available": "check", "dispatch_allowed": False,
        "source": "isa_ssw_policy_2026",
    },
]  # fmt: skip

SEMINARS = [
    {"id": "past", "program_id": "job_hunting_seminar", "audience": "job_seeker", "format": "online",
     "starts_at": "2026-11-07T10:00:00+09:00", "duration_minutes": 120, "topics": [], "sample": True},
    {"id": "soon", "program_id": "job_hunting_seminar", "audience": "job_seeker", "format": "in_person",
     "starts_at": "2026-12-05T10:00:00+09:00", "duration_minutes": 90, "topics": [], "sample": True},
    {"id": "later", "program_id": "job_hunting_seminar", "audience": "job_seeker", "format": "online",
     "starts_at": "2027-01-16T15:00:00+09:00", "duration_minutes": 120, "topics": [], "sample": True},
]  # fmt: skip


def write_catalog(directory, programs=None, fields=None, seminars=None):
    def given(value, default):
        return default if value is None else value

    for name, data in (("programs.yml", given(programs, PROGRAMS)), ("ssw_fields.yml", given(fields, FIELDS)),
                       ("seminars.yml", given(seminars, SEMINARS))):  # fmt: skip
        (directory / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return directory
