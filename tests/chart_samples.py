"""Fixtures for chart tests: each kind of chart built from sample data, in a window of its own."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtWidgets import QWidget

from conftest import settle
from kiosk.model.loader import load_dataset
from kiosk.ui.context import make_context
from kiosk.ui.i18n import current_language, switch_language
from kiosk.ui.signals import WindowSignals
from kiosk.ui.widgets import vbox

# Test-only values for the GDP: the shipped data has no series, because no source gives one.
GDP_SERIES = [{"year": 2019, "value": 4.0e10}, {"year": 2020, "value": 4.5e10}, {"year": 2021, "value": 5.319e10}]


def with_series(raw: dict) -> dict:
    """The raw dataset with GDP_SERIES added to the GDP figure."""
    raw = json.loads(json.dumps(raw))
    next(f for f in raw["figures"] if f["id"] == "gdp")["series"] = GDP_SERIES
    return raw


@pytest.fixture(scope="module")
def series_file(tmp_path_factory, raw_dataset):
    """The bundled data plus a series for the GDP, as a file."""
    path = tmp_path_factory.mktemp("data") / "with-series.json"
    path.write_text(json.dumps(with_series(raw_dataset), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_data(series_file):
    """The data every kind of chart is built from in the chart tests."""
    return load_dataset(series_file)


@pytest.fixture
def show_sample(qtbot, kiosk_app, sample_data, theme):
    """Build a kind from the sample data in a language, shown in a window of its own."""
    hosts = []  # kept alive until the test ends

    def show(kind, language="en", size=(900, 520)):
        ctx = dataclasses.replace(make_context(sample_data, theme, language), signals=WindowSignals())
        chart = kind.sample(ctx)
        assert chart is not None, f"{kind.__name__} has nothing to show in the sample data"
        host = QWidget()
        hosts.append(host)
        vbox(host, margin=20).addWidget(chart)
        host.resize(*size)
        qtbot.addWidget(host)
        with qtbot.waitExposed(host):
            host.show()
        settle()
        return chart

    yield show
    if current_language() != "en":
        switch_language("en")
