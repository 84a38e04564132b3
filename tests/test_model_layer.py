"""The model layer imports no Qt, and the committed JSON Schema matches the models."""

import json
import subprocess
import sys

from kiosk.model.schema import schema_text
from kiosk.resources import data_path

QT_FREE = ["kiosk.model.dataset", "kiosk.model.loader", "kiosk.model.checks",
           "kiosk.model.formatting", "kiosk.model.schema", "kiosk.resources", "kiosk.theme",
           "kiosk.platform_check", "kiosk.hours", "kiosk.sd_notify",
           "kiosk.display_power"]


def test_model_layer_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {QT_FREE!r}: importlib.import_module(name)\n"
        "from kiosk.model.loader import load_dataset\n"
        "from kiosk.resources import data_path\n"
        "load_dataset(data_path())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_committed_schema_is_in_sync():
    committed = data_path("schema.json").read_text(encoding="utf-8")
    assert json.loads(committed) == json.loads(schema_text()), (
        "data/schema.json is stale: run python -m kiosk.model.schema > data/schema.json")


def test_dataset_points_editors_at_the_schema(raw_dataset):
    assert raw_dataset["$schema"] == "./schema.json"
