import pytest

from bot.nlu.language_detection import LanguageDetector, is_reliable, long_enough_to_tell


@pytest.fixture(scope="module")
def detector():
    return LanguageDetector()  # the packaged models alone; the trained blend: test_language_identifier


@pytest.mark.parametrize(
    "text, language",
    [
        ("特定技能について教えてください", "ja"),
        ("비자에 대해 알고 싶어요", "ko"),
        ("ผมอยากหางานที่โตเกียว", "th"),
        ("ကျွန်တော် အလုပ်ရှာနေပါတယ်", "my"),
        ("म जापानमा काम खोज्दैछु", "ne"),  # the models say Hindi; the script settles it
        ("我想了解特定技能签证的要求", "zh"),
        ("Xin chào, tôi muốn hỏi về visa kỹ năng đặc định", "vi"),
        ("How can I find a job at a company in Tokyo?", "en"),
        ("Saya ingin bekerja di Jepang, bagaimana caranya?", "id"),
        ("Paano po mag apply ng trabaho sa Japan?", "fil"),  # the models say 'tl'
    ],
)
def test_contract_languages(detector, text, language):
    assert detector.detect(text).language == language


def test_a_clear_outside_language_is_reported_as_itself(detector):
    assert detector.detect("Bonjour, je voudrais savoir comment trouver un travail au Japon").language == "fr"


def test_no_letters_is_undetermined(detector):
    detection = detector.detect("👍 123 !!!")
    assert detection.language == "und" and detection.score == 0.0


def test_own_classifier_is_blended_for_latin_text():
    vietnamese_without_diacritics = "xin chao toi muon hoi ve visa"

    def english_leaning(text):
        return {"en": 0.42, "it": 0.07}

    models_only = LanguageDetector(models=[english_leaning])
    blended = LanguageDetector(
        own_classifier=lambda text: {"vi": 0.9, "en": 0.05, "ja": 0.05}, models=[english_leaning]
    )
    assert models_only.detect(vietnamese_without_diacritics).language == "en"
    assert blended.detect(vietnamese_without_diacritics).language == "vi"


@pytest.mark.parametrize("text", ["OK", "はい", "👍", "1", "thanks a lot"[:6], "ありがとう"])
def test_short_messages_are_not_long_enough(text):
    assert not long_enough_to_tell(text)


@pytest.mark.parametrize("text", ["what is the SSW visa", "特定技能とは何ですか", "tôi muốn hỏi về visa"])
def test_sentences_are_long_enough(text):
    assert long_enough_to_tell(text)
    assert is_reliable(text, 0.9) and not is_reliable(text, 0.2)


def test_mixed_scripts_lower_the_score(detector):
    japanese = detector.detect("特定技能について教えてください")
    mixed = detector.detect("特定技能 visa là gì vậy")
    assert japanese.score == 1.0
    assert mixed.score < 0.8 * japanese.score


def test_a_message_half_in_two_scripts_is_not_reliable_but_loanwords_are_fine(detector):
    half = "which fields 特定技能で働けますか"
    loanword = "SSWのビザについて教えてください"
    assert not is_reliable(half, detector.detect(half).score)
    assert is_reliable(loanword, detector.detect(loanword).score)
