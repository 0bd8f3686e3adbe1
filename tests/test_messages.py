"""Every refusal the domain can give has its one sentence, in English and in Chinese."""
from __future__ import annotations

from review_model.errors import Code


def test_every_code_has_a_sentence():
    from ui.messages import _PROBLEMS

    missing = [code.value for code in Code if code not in _PROBLEMS]
    assert not missing, f"codes without a sentence in ui/messages.py: {missing}"


def test_every_sentence_is_translated_to_chinese(qapp):
    from desktop import i18n
    from ui.messages import _PROBLEMS, tr

    i18n.install_translators("zh_CN")
    try:
        untranslated = [code.value for code, source in _PROBLEMS.items() if tr(source) == source]
    finally:
        i18n.install_translators("en")
    assert not untranslated, untranslated
