"""The running kiosk follows its configuration file: a PIN set with 'kiosk set-pin' works at
once, live settings apply, a bad value keeps the one in use, restart-only settings say so."""

import logging

import pytest
from PySide6.QtCore import QPoint

from kiosk.config import load_config, set_value
from kiosk.pin import hash_pin
from kiosk.ui.live_config import LIVE

SETTLE_MS = 50


@pytest.fixture
def config_file(tmp_path):
    path = tmp_path / "jining-kiosk" / "config.toml"
    path.parent.mkdir()
    path.write_text("idle_seconds = 90\n", encoding="utf-8")
    return path


def started(make_kiosk, path, **options):
    """A kiosk started with the file's settings, watching it."""
    settings = {name: getattr(load_config(path).config, name) for name in LIVE}
    return make_kiosk(config_path=path, settle_ms=SETTLE_MS, **settings, **options)


def rewrite(path, text):
    temporary = path.with_suffix(".new")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # as editors and 'kiosk set-pin' save


def five_corner_taps(kiosk, tap):
    for _ in range(5):
        tap(kiosk.window, QPoint(20, 20))


def test_a_pin_set_while_the_kiosk_runs_opens_the_pad_without_a_restart(make_kiosk, config_file, tap, qtbot,
                                                                           caplog):
    kiosk = started(make_kiosk, config_file, kiosk_mode=True)
    five_corner_taps(kiosk, tap)
    assert kiosk.no_pin.isVisible()
    kiosk.no_pin.hide()
    with caplog.at_level(logging.INFO):
        set_value(config_file, "pin_hash", hash_pin("2468"))  # what 'kiosk set-pin' does
        qtbot.waitUntil(lambda: kiosk.pin_guard.configured, timeout=10_000)
    five_corner_taps(kiosk, tap)
    assert kiosk.pin_pad.isVisible() and not kiosk.no_pin.isVisible()
    for key in "2468":
        tap(kiosk.pin_pad.keys[key])
    tap(kiosk.pin_pad.keys["ok"])
    assert kiosk.staff.isVisible()
    assert "pin_hash changed from not set to set (not shown); applied" in caplog.text
    assert "scrypt$" not in caplog.text  # the hash itself is never logged


def test_a_changed_pin_replaces_the_old_one(make_kiosk, config_file, tap, qtbot):
    set_value(config_file, "pin_hash", hash_pin("1111"))
    kiosk = started(make_kiosk, config_file)
    assert kiosk.pin_guard.check("1111")
    set_value(config_file, "pin_hash", hash_pin("2222"))
    new = load_config(config_file).config.pin_hash
    qtbot.waitUntil(lambda: kiosk.config.pin_hash == new, timeout=10_000)
    assert kiosk.pin_guard.check("2222") and not kiosk.pin_guard.check("1111")


def test_timings_language_and_motion_apply_while_running(make_kiosk, config_file, qtbot):
    config_file.write_text("reduce_motion = true\n", encoding="utf-8")
    kiosk = started(make_kiosk, config_file)
    kiosk.attract.start()
    kiosk.attract.reset_state()
    rewrite(config_file, "idle_seconds = 30\nwarning_seconds = 25\nattract_seconds = 5\n"
                         'default_language = "zh"\nreduce_motion = false\n')
    qtbot.waitUntil(lambda: kiosk.config.idle_seconds == 30, timeout=10_000)
    assert kiosk.session._idle.interval() == 30_000 and kiosk.session.config.warning_seconds == 25
    assert kiosk.attract._timer.interval() == 5_000
    assert kiosk.ctx.default_language == "zh" and not kiosk.ctx.reduce_motion
    kiosk.reset()  # an idle reset now returns to Chinese
    assert kiosk.ctx.language == "zh"


def test_a_bad_value_is_logged_and_the_value_in_use_kept(make_kiosk, config_file, qtbot, caplog):
    kiosk = started(make_kiosk, config_file)
    with caplog.at_level(logging.INFO):
        rewrite(config_file, 'idle_seconds = "thirty"\nwarning_seconds = 30\n')
        qtbot.waitUntil(lambda: kiosk.config.warning_seconds == 30, timeout=10_000)
    assert kiosk.config.idle_seconds == 90 and kiosk.session._idle.interval() == 90_000
    assert f'{config_file}: idle_seconds: "thirty" is not allowed' in caplog.text
    assert "keeping the value in use, 90" in caplog.text


def test_a_line_that_is_not_toml_keeps_its_value_and_the_rest_applies(make_kiosk, config_file, qtbot, caplog):
    kiosk = started(make_kiosk, config_file)
    with caplog.at_level(logging.INFO):
        rewrite(config_file, "idle_seconds = ninety\nwarning_seconds = 30\n")
        qtbot.waitUntil(lambda: kiosk.config.warning_seconds == 30, timeout=10_000)
    assert kiosk.config.idle_seconds == 90
    assert f"{config_file}: line 1" in caplog.text and "keeping the value in use, 90" in caplog.text


def test_a_deleted_file_changes_nothing(make_kiosk, config_file, qtbot, caplog):
    set_value(config_file, "pin_hash", hash_pin("2468"))
    kiosk = started(make_kiosk, config_file)
    with caplog.at_level(logging.INFO):
        config_file.unlink()
        qtbot.waitUntil(lambda: "the file is gone" in caplog.text, timeout=10_000)
    assert kiosk.pin_guard.configured and kiosk.config.idle_seconds == 90


def test_a_setting_read_only_at_start_says_a_restart_is_needed(make_kiosk, config_file, qtbot, caplog):
    kiosk = started(make_kiosk, config_file)
    with caplog.at_level(logging.INFO):
        rewrite(config_file, "analytics = false\n")
        qtbot.waitUntil(lambda: not kiosk.config.analytics, timeout=10_000)
    assert "analytics changed to false; it takes effect at the next start" in caplog.text
    assert "systemctl --user restart jining-kiosk" in caplog.text


def test_the_command_line_language_stays_in_force(make_kiosk, config_file, qtbot, caplog):
    kiosk = started(make_kiosk, config_file, fixed=frozenset({"default_language"}))
    with caplog.at_level(logging.INFO):
        rewrite(config_file, 'default_language = "zh"\n')
        qtbot.waitUntil(lambda: kiosk.config.default_language == "zh", timeout=10_000)
    assert kiosk.ctx.default_language == "en"
    assert "the command line's value stays in force" in caplog.text


def test_a_config_file_created_after_the_start_is_picked_up(make_kiosk, tmp_path, qtbot):
    path = tmp_path / "not-yet" / "config.toml"  # neither the file nor its folder exist yet
    kiosk = make_kiosk(config_path=path, settle_ms=SETTLE_MS)
    kiosk.live_config.file._poll.setInterval(100)
    set_value(path, "pin_hash", hash_pin("2468"))
    qtbot.waitUntil(lambda: kiosk.pin_guard.configured, timeout=10_000)


def test_a_reset_right_after_a_rebuild_goes_by_the_new_widgets_alone(make_kiosk):
    """A new default language rebuilds the tab bar; the old one waits for the event loop to
    delete it. A reset in between must not let its old language button switch back."""
    kiosk = make_kiosk()
    kiosk._set_defaults("zh", True)  # no event processed after it: the old bar is still there
    kiosk.reset()
    assert kiosk.ctx.language == "zh"
