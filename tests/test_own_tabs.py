"""A kiosk's own choice of tabs (config tabs): only those, in that order, wherever a visitor goes;
an id the data lacks costs only itself; the choice follows the configuration file and new data
while the kiosk runs, and the doctor checks it against the data."""

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from conftest import settle
from kiosk.datastore import Shown, now
from kiosk.doctor.checks.data import check_tabs
from kiosk.doctor.findings import OK, WARNING
from kiosk.model.own_tabs import own_tabs
from test_accessibility_roles import tap_at_window
from test_doctor import pc, write_config  # noqa: F401 (pc is a fixture)
from test_live_config import SETTLE_MS, config_file, rewrite, started  # noqa: F401 (config_file is a fixture)


def swipe_left_at_window(window, touch_device) -> None:
    """A finger moving right to left across the middle: the next tab."""
    handle = window.windowHandle()
    points = [QPoint(1400 - 160 * i, 500) for i in range(6)]
    QTest.touchEvent(handle, touch_device).press(0, points[0]).commit()
    for point in points[1:-1]:
        QTest.touchEvent(handle, touch_device).move(0, point).commit()
    QTest.touchEvent(handle, touch_device).release(0, points[-1]).commit()
    settle()


def tab_names(kiosk) -> list[str]:
    return [button.accessibleName() for button in kiosk.window.tabs.buttons]


def test_only_the_chosen_tabs_are_kept_in_the_chosen_order_and_nothing_else_changes(dataset):
    ids = dataset.tab_ids
    chosen = (ids[2], ids[0])
    own = own_tabs(dataset, chosen)
    assert own.dataset.tab_ids == chosen and own.unknown == () and own.problem() is None
    assert own.dataset.views == (dataset.tab(ids[2]), dataset.tab(ids[0]))
    assert (own.dataset.figures, own.dataset.sources, own.dataset.industries) == \
        (dataset.figures, dataset.sources, dataset.industries)
    assert own_tabs(dataset, None).dataset is dataset


def test_an_unknown_id_is_skipped_and_named_and_a_choice_of_nothing_known_shows_every_tab(dataset):
    ids = dataset.tab_ids
    own = own_tabs(dataset, ("no-such-tab", ids[1], ids[1]))
    assert own.dataset.tab_ids == (ids[1],) and own.unknown == ("no-such-tab",)
    assert "'no-such-tab'" in own.problem() and ids[1] in own.problem()
    nothing = own_tabs(dataset, ("no-such-tab", "nor-this"))
    assert nothing.dataset is dataset and nothing.ignored
    assert "every tab" in nothing.problem() and "'nor-this'" in nothing.problem()


def test_a_visitor_sees_taps_swipes_and_returns_to_the_chosen_tabs_alone(make_kiosk, dataset, touch_device):
    ids = dataset.tab_ids
    chosen = (ids[3], ids[1])
    kiosk = make_kiosk(tabs=chosen)
    window = kiosk.window
    assert window.tab_ids == chosen and window.current_view == ids[3]
    assert tab_names(kiosk) == [dataset.tab(tab).title["en"] for tab in chosen]
    second = window.tabs.buttons[1]
    tap_at_window(window, second.mapTo(window, second.rect().center()), touch_device)
    assert window.current_view == ids[1]
    swipe_left_at_window(window, touch_device)  # from the last chosen tab to the first: never a left-out one
    assert window.current_view == ids[3]
    swipe_left_at_window(window, touch_device)
    assert window.current_view == ids[1]
    kiosk.reset()  # the idle reset's start screen is the first chosen tab
    assert window.current_view == ids[3]


def test_a_wrong_id_costs_only_itself_and_is_logged(make_kiosk, dataset, caplog):
    ids = dataset.tab_ids
    with caplog.at_level(logging.ERROR):
        kiosk = make_kiosk(tabs=("overveiw", ids[2]))
    assert kiosk.window.tab_ids == (ids[2],)
    assert "'overveiw'" in caplog.text


def test_the_choice_follows_the_configuration_file_and_survives_new_data(make_kiosk, config_file, qtbot, dataset):
    ids = dataset.tab_ids
    kiosk = started(make_kiosk, config_file)
    window = kiosk.window
    window.show_view(ids[2])
    rewrite(config_file, f'tabs = ["{ids[2]}", "{ids[0]}"]\n')
    qtbot.waitUntil(lambda: window.tab_ids == (ids[2], ids[0]), timeout=10_000)
    assert window.current_view == ids[2]  # the visitor stays where they are

    kiosk.show_data(Shown(dataset, Path("new.json"), "operator file", now(), Path("media"), "0" * 64))
    assert window.tab_ids == (ids[2], ids[0])

    rewrite(config_file, "idle_seconds = 90\n")  # the line deleted: every tab again
    qtbot.waitUntil(lambda: window.tab_ids == ids, timeout=10_000)


def test_the_doctor_checks_the_choice_against_the_data_shown(pc, dataset):  # noqa: F811 (pc is a fixture)
    ids = dataset.tab_ids
    assert check_tabs(pc) == []  # nothing chosen: nothing to say
    write_config(pc, f'tabs = ["{ids[1]}", "no-such-tab"]\n')
    [finding] = check_tabs(replace(pc))  # a new run of the doctor: the file read again
    assert finding.status == WARNING and "no-such-tab" in str(finding.message)
    assert all(tab in str(finding.fix) for tab in ids)  # the ids to choose from
    write_config(pc, f'tabs = ["{ids[1]}"]\n')
    [finding] = check_tabs(replace(pc))
    assert finding.status == OK and f"1 of the data's {len(ids)} tabs" in str(finding.message)
