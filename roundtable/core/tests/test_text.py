import pytest

from roundtable.core.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zaštita djece", "zastita djece"),
        ("fëmijëve", "femijeve"),
        ("ЗАШТИТА ДЕЦЕ", "zastita dece"),
        ("Заштита на децата", "zastita na decata"),
        ("Закрила на детето", "zakrila na deteto"),
        ("Đorđe  Čačak", "djordje cacak"),
        ("Protecția copilului", "protectia copilului"),
        ("Gyermekvédelem ŐRZŐ", "gyermekvedelem orzo"),
    ],
)
def test_fold_removes_case_accents_and_script(text, folded):
    assert fold(text) == folded


def test_latin_and_cyrillic_serbian_fold_to_the_same_text():
    assert fold("Социјални радник у Нишу") == fold("Socijalni radnik u Nišu")
