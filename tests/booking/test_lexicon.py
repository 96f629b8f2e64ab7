"""The booking words of lexicon.yml: formats, roles, stop and change phrases in every language."""

import pytest

from bot.booking import lexicon
from bot.booking.lexicon import find_format, find_role, is_stop, mentions_change

LANGUAGES = ("ja", "en", "vi", "zh", "id", "fil", "ne", "my", "pt", "ko", "th")
REQUIRED = ("day", "weekday", "week", "part", "format", "role", "stop", "change")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_kind_of_word(language):
    terms = lexicon.load_lexicon().languages[language].terms
    assert [kind for kind in REQUIRED if not terms.get(kind)] == []
    assert {t.value for t in terms["format"]} >= {"in_person", "online", "phone"}
    assert {t.value for t in terms["role"]} == {"employer", "job_seeker"}
    assert {n for t in terms["weekday"] for n in t.value} == set(range(7))
    assert {t.value for t in terms["part"]} == {"morning", "afternoon", "evening"}


def test_language_codes():
    assert lexicon.language_code("ja-easy") == "ja"
    assert lexicon.language_code("pt-BR") == "pt"
    assert lexicon.language_code("zh-Hant") == "zh"
    assert lexicon.language_code("und") is None


def test_normalize():
    assert lexicon.normalize("１２月３日の　１４時") == "12月3日の 14時"
    assert lexicon.normalize("下午两点半 周三三点 十二月一日") == "下午2点半 周三3点 12月1日"
    assert lexicon.normalize("一時的 晚一点") == "一時的 晚一点"  # 一 alone is a word here
    assert lexicon.normalize("२ बजे ๑๔ ၁၂") == "2 बजे 14 12"
    assert lexicon.plain("thứ ba tuần sau đổi") == "thu ba tuan sau doi"


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("ja", "対面でお願いします", "in_person"),
        ("ja", "オンライン面談がいいです", "online"),
        ("ja", "Zoomで", "online"),
        ("ja", "電話で", "phone"),
        ("ja", "電話番号は090です", None),
        ("ja-easy", "でんわ で おねがいします", "phone"),
        ("en", "in person please", "in_person"),
        ("en", "face to face", "in_person"),
        ("en", "video call", "online"),
        ("en", "a phone call is fine", "phone"),
        ("en", "in person or online?", None),
        ("en", "my phone number is 0901234567", None),
        ("en", "phonetics", None),
        ("vi", "gặp trực tiếp", "in_person"),
        ("vi", "truc tuyen", "online"),
        ("vi", "qua điện thoại", "phone"),
        ("vi", "số điện thoại của tôi", None),
        ("zh", "面对面", "in_person"),
        ("zh", "线上", "online"),
        ("zh", "視頻面談", "online"),
        ("zh", "打电话", "phone"),
        ("id", "tatap muka", "in_person"),
        ("id", "daring saja", "online"),
        ("id", "lewat telepon", "phone"),
        ("fil", "personal na lang", "in_person"),
        ("fil", "online po", "online"),
        ("fil", "tawag na lang", "phone"),
        ("ne", "प्रत्यक्ष भेटेर", "in_person"),
        ("ne", "zoom ma", "online"),
        ("ne", "फोनबाट", "phone"),
        ("my", "မျက်နှာချင်းဆိုင်", "in_person"),
        ("my", "အွန်လိုင်းနဲ့", "online"),
        ("my", "ဖုန်းနဲ့", "phone"),
        ("pt", "presencial", "in_person"),
        ("pt", "por vídeo", "online"),
        ("pt", "por telefone", "phone"),
        ("ko", "대면 상담", "in_person"),
        ("ko", "비대면으로", "online"),
        ("ko", "전화로 할게요", "phone"),
        ("ko", "전화번호", None),
        ("th", "ตัวต่อตัว", "in_person"),
        ("th", "ออนไลน์", "online"),
        ("th", "ทางโทรศัพท์", "phone"),
        ("th", "เบอร์โทรศัพท์", None),
    ],
)
def test_find_format(language, text, expected):
    assert find_format(text, language) == expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("ja", "企業の人事担当です", "employer"),
        ("ja", "会社です", "employer"),
        ("ja", "求職者です", "job_seeker"),
        ("ja", "会社で働きたい", "job_seeker"),  # the verb says more than the noun
        ("ja-easy", "しごとを さがしています", "job_seeker"),
        ("en", "employer", "employer"),
        ("en", "We are a company looking for workers", "employer"),
        ("en", "I'm looking for a job at a company", "job_seeker"),
        ("en", "job seeker", "job_seeker"),
        ("en", "HR", "employer"),
        ("en", "I'll accompany my friend", None),
        ("en", "I came by bus", None),
        ("vi", "công ty", "employer"),
        ("vi", "tôi là nhà tuyển dụng", "employer"),
        ("vi", "người tìm việc", "job_seeker"),
        ("vi", "toi dang tim viec", "job_seeker"),
        ("zh", "我们是企业", "employer"),
        ("zh", "公司", "employer"),
        ("zh", "我是求职者", "job_seeker"),
        ("zh", "我在找工作", "job_seeker"),
        ("id", "perusahaan", "employer"),
        ("id", "saya dari HRD", "employer"),
        ("id", "pencari kerja", "job_seeker"),
        ("id", "mencari pekerjaan", "job_seeker"),
        ("fil", "kumpanya", "employer"),
        ("fil", "naghahanap ng trabaho", "job_seeker"),
        ("ne", "कम्पनी", "employer"),
        ("ne", "kaam khojdai chu", "job_seeker"),
        ("ne", "कामदार खोज्दै", "employer"),
        ("my", "ကုမ္ပဏီ", "employer"),
        ("my", "အလုပ်ရှာနေတယ်", "job_seeker"),
        ("pt", "empresa", "employer"),
        ("pt", "procurando emprego", "job_seeker"),
        ("ko", "회사", "employer"),
        ("ko", "구직자입니다", "job_seeker"),
        ("th", "บริษัท", "employer"),
        ("th", "กำลังหางาน", "job_seeker"),
        ("th", "สวัสดีครับ", None),
    ],
)
def test_find_role(language, text, expected):
    assert find_role(text, language) == expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("ja", "やめます", True),
        ("ja", "キャンセル", True),
        ("ja", "やっぱりやめる", True),
        ("ja", "もういいです", True),
        ("ja", "キャンセルしない", False),
        ("ja", "キャンセル料はかかりますか", False),
        ("ja", "予約をキャンセルしたいのですが、予約番号はABCD-1234です", False),
        ("ja-easy", "やめます", True),
        ("en", "cancel", True),
        ("en", "Stop", True),
        ("en", "never mind", True),
        ("en", "forget it", True),
        ("en", "I want to cancel my booking ABCD-1234", False),
        ("en", "Can I cancel later if something comes up?", False),
        ("en", "don't cancel", False),
        ("en", "next tuesday", False),
        ("vi", "thôi không đặt nữa", True),
        ("vi", "hủy", True),
        ("vi", "huy", True),
        ("vi", "dừng lại", True),
        ("vi", "thời gian nào", False),
        ("vi", "dung roi", False),
        ("zh", "算了", True),
        ("zh", "取消", True),
        ("zh", "不要了", True),
        ("zh", "不要取消", False),
        ("id", "batal", True),
        ("id", "tidak jadi", True),
        ("id", "berhenti", True),
        ("id", "jangan dibatalkan", False),
        ("fil", "wag na", True),
        ("fil", "cancel na lang", True),
        ("fil", "hinto", True),
        ("fil", "bukas ng hapon", False),
        ("ne", "रद्द", True),
        ("ne", "पर्दैन", True),
        ("ne", "chaidaina", True),
        ("ne", "bholi bihana", False),
        ("my", "ပယ်ဖျက်", True),
        ("my", "မလုပ်တော့ဘူး", True),
        ("my", "မနက်ဖြန်", False),
        ("pt", "cancelar", True),
        ("pt", "parar", True),
        ("pt", "deixa pra lá", True),
        ("pt", "para amanhã", False),
        ("ko", "취소", True),
        ("ko", "그만할게요", True),
        ("ko", "취소 안 할게요", False),
        ("th", "ยกเลิก", True),
        ("th", "ไม่เอาแล้ว", True),
        ("th", "ไม่ต้องยกเลิก", False),
        ("th", "วันหยุดเปิดไหม", False),
    ],
)
def test_is_stop(language, text, expected):
    assert is_stop(text, language) is expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("ja", "予約を変更したい", True),
        ("ja", "日時を変えたい", True),
        ("ja", "ずらしたいです", True),
        ("ja", "予約したい", False),
        ("ja-easy", "ひにちを かえたい", True),
        ("en", "I'd like to reschedule", True),
        ("en", "can we move it to Friday", True),
        ("en", "change my booking", True),
        ("en", "what is the exchange rate", False),
        ("en", "I want to book", False),
        ("vi", "đổi lịch", True),
        ("vi", "doi lich", True),
        ("vi", "dời lịch hẹn", True),
        ("vi", "đợi một chút", False),
        ("zh", "我想改期", True),
        ("zh", "改时间", True),
        ("zh", "更改預約", True),
        ("zh", "我想预约", False),
        ("id", "ubah jadwal", True),
        ("id", "ganti jadwal", True),
        ("id", "jadwal ulang", True),
        ("id", "saya mau booking", False),
        ("fil", "palitan ang schedule", True),
        ("fil", "pwede bang resched", True),
        ("fil", "ilipat sa Martes", True),
        ("ne", "समय परिवर्तन गर्न", True),
        ("ne", "change garna milcha", True),
        ("ne", "bholi aauchu", False),
        ("my", "ရက်ပြောင်းချင်တယ်", True),
        ("my", "ရက်ရွှေ့ချင်တယ်", True),
        ("pt", "quero remarcar", True),
        ("pt", "mudar o horário", True),
        ("pt", "alterar", True),
        ("pt", "quero agendar", False),
        ("ko", "예약 변경", True),
        ("ko", "날짜를 바꾸고 싶어요", True),
        ("ko", "다른 날로 옮기고 싶어요", True),
        ("ko", "예약하고 싶어요", False),
        ("th", "ขอเลื่อนนัด", True),
        ("th", "เปลี่ยนเวลา", True),
        ("th", "จองคิว", False),
    ],
)
def test_mentions_change(language, text, expected):
    assert mentions_change(text, language) is expected
