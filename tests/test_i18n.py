"""Two (or more) languages live: translations complete and current, a touch switches everything."""

import json
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import settle
from kiosk.harness import open_overlay
from kiosk.model.loader import load_dataset
from kiosk.resources import resource_path
from kiosk.ui import strings
from kiosk.ui.i18n import Translations, current_language, stretched
from kiosk.ui.main_window import LanguageButtons, VisitorControls
from kiosk.ui.overlay_registry import PUBLIC
from ui_helpers import TABS, explorer, layout_problems, visible_texts

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = sorted(resource_path("i18n").glob("kiosk_*.ts"))
# What visitors can open, but the source card: it quotes its sources as they were published.
OVERLAYS = tuple(name for name in PUBLIC if name != "source")


def placeholders(text):
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def messages(ts):
    return {m.findtext("source"): m.find("translation") for m in ET.parse(ts).iter("message")}


def test_there_is_a_translation_file_besides_english():
    assert [p.stem for p in TS_FILES] == ["kiosk_zh"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_interface_string_is_translated(ts):
    found = messages(ts)
    problems = []
    for source in strings.interface_strings():
        translation = found.get(source)
        if translation is None or not (translation.text or "").strip():
            problems.append(f"{source!r}: no translation")
        elif translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{source!r}: translation marked {translation.get('type')}")
        elif placeholders(translation.text) != placeholders(source):
            problems.append(f"{source!r}: placeholders {placeholders(translation.text)}")
    assert problems == [], "\n".join(problems)


def test_the_checker_notices_a_missing_translation(tmp_path):
    broken = tmp_path / "kiosk_zh.ts"
    broken.write_text(TS_FILES[0].read_text(encoding="utf-8").replace("<translation>继续浏览</translation>",
                                                                     '<translation type="unfinished"/>'),
                      encoding="utf-8")
    with pytest.raises(AssertionError, match="Continue"):
        test_every_interface_string_is_translated(broken)


def test_translation_files_match_the_code_and_compile_reproducibly():
    """lupdate finds no new string and lrelease rebuilds the committed .qm byte for byte."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_interface_text_comes_from_the_compiled_translation():
    translations = Translations([resource_path("i18n")])
    chinese = {m: t.text for m, t in messages(TS_FILES[0]).items()}
    for source in strings.interface_strings():
        assert translations.text("zh", source) == chinese[source]
        assert translations.text("en", source) == source


def screen(kiosk):
    """What every view and overlay shows, in a fixed order."""
    shown = {}
    for name in TABS:
        kiosk.window.show_view(name)
        settle()
        shown[name] = sorted(visible_texts(kiosk.window))
    for name in OVERLAYS:
        overlay = open_overlay(kiosk, name, still=True)
        settle()
        shown[name] = sorted(visible_texts(kiosk.window))
        overlay.reset_state()
    kiosk.window.show_view(TABS[0])
    settle()
    return shown


def differences(shown, expected):
    """Per view or overlay: texts only in `shown` and texts only in `expected`."""
    diff = {}
    for key in expected:
        extra = [t for t in shown[key] if t not in expected[key]]
        missing = [t for t in expected[key] if t not in shown[key]]
        if extra or missing:
            diff[key] = (extra, missing)
    return diff


def language_button(window, language):
    return window.tabs.findChild(LanguageButtons).buttons[language]


def test_a_touch_on_the_language_button_switches_every_text_and_keeps_the_state(make_kiosk, tap):
    kiosk = make_kiosk(language="en")
    english = screen(kiosk)
    window = kiosk.window
    window.show_view("industries")
    explorer(window).select(2)
    settle()
    assert language_button(window, "en").isHidden()
    tap(language_button(window, "zh"))
    assert current_language() == "zh"
    assert window.current_view == "industries"
    assert explorer(window).chart.selected == 2
    assert language_button(window, "zh").isHidden() and language_button(window, "en").isVisible()
    explorer(window).select(0)
    switched = screen(kiosk)
    fresh = screen(make_kiosk(language="zh"))
    assert differences(switched, fresh) == {}
    assert switched != english
    tap(language_button(window, "en"))
    assert differences(screen(kiosk), english) == {}


def test_the_idle_reset_returns_to_the_default_language(make_kiosk, tap):
    kiosk = make_kiosk(language="en")
    english = sorted(visible_texts(kiosk.window))
    tap(language_button(kiosk.window, "zh"))
    assert sorted(visible_texts(kiosk.window)) != english
    kiosk.reset()
    settle()
    assert current_language() == "en"
    assert sorted(visible_texts(kiosk.window)) == english


def with_language(node, code):
    """The dataset with a pseudo-translation into `code` added to every text."""
    if isinstance(node, dict):
        if set(node) == {"en", "zh"}:
            return {**node, code: f"[{code}] {node['en']}"}
        return {k: with_language(v, code) for k, v in node.items()}
    if isinstance(node, list):
        return [with_language(v, code) for v in node]
    return node


def pseudo_translation(code, directory):
    """A .ts for `code` made from the Chinese one, compiled with pyside6-lrelease as for a release."""
    tree = ET.parse(TS_FILES[0])
    tree.getroot().set("language", code)
    for message in tree.iter("message"):
        message.find("translation").text = f"[{code}] {message.findtext('source')}"
    ts = directory / f"kiosk_{code}.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_translations import compile_qm
    finally:
        sys.path.pop(0)
    compile_qm(ts, ts.with_suffix(".qm"))


def test_a_third_language_needs_only_data_and_a_translation_file(make_kiosk, raw, tmp_path, tap):
    data = with_language(raw, "fr")
    data["languages"].append("fr")
    path = tmp_path / "three.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pseudo_translation("fr", tmp_path)
    kiosk = make_kiosk(language="en", data=load_dataset(path), context={"translation_dirs": (tmp_path,)})
    button = language_button(kiosk.window, "fr")
    assert button.text() == "[fr] EN"
    tap(button)
    # Each language button is labelled in its own language, the text-size and contrast buttons
    # with symbols (A+, ◐); everything else must be in French.
    names = {b.text() for b in kiosk.window.tabs.findChild(LanguageButtons).buttons.values()}
    controls = kiosk.window.tabs.findChild(VisitorControls)
    names |= {controls.text_size.text(), controls.contrast.text()}
    untranslated = [text for texts in screen(kiosk).values() for text in texts
                    if "[fr]" not in text and any(c.isalpha() for c in text) and text not in names]
    assert untranslated == []


def test_the_stretch_switch_lengthens_interface_text():
    assert stretched("Continue", 0.4).startswith("Continue")
    translations = Translations([resource_path("i18n")], stretch=0.4)
    for language in ("en", "zh"):
        for source in strings.interface_strings():
            plain = Translations([resource_path("i18n")]).text(language, source)
            assert len(translations.text(language, source)) >= 1.4 * len(plain)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_layout_holds_with_interface_text_40_percent_longer(make_kiosk, week_numbers, language, size):
    """Nothing clips or overlaps; a page may need a finger scroll where it fitted the screen before."""
    kiosk = make_kiosk(language=language, size=size, context={"stretch": 0.4}, key_numbers=week_numbers)
    problems = []
    for name in TABS:
        kiosk.window.show_view(name)
        settle()
        problems += [f"{name}: {p}" for p in layout_problems(kiosk.window, scrolling=True)]
    for name in PUBLIC:
        overlay = open_overlay(kiosk, name, still=True)
        settle()
        problems += [f"{name}: {p}" for p in layout_problems(kiosk.window, scrolling=True)]
        overlay.reset_state()
    assert problems == [], "\n".join(problems)


def test_a_declared_language_missing_from_a_text_is_named(raw, tmp_path):
    from kiosk.model.loader import DatasetError

    data = with_language(raw, "fr")
    data["languages"].append("fr")
    del data["industries"][1]["name"]["fr"]
    path = tmp_path / "three.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load_dataset(path)
    assert [str(p) for p in error.value.problems] == ['industries.1.name: missing the "fr" text']
