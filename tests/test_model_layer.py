"""The model layer imports no Qt, and the committed JSON Schema matches the models."""

import ast
import json
import subprocess
import sys
from pathlib import Path

from kiosk.model.schema import schema_text
from kiosk.resources import data_path

KIOSK = Path(__file__).resolve().parent.parent / "kiosk"


def qt_free_modules() -> list[str]:
    """Every kiosk module whose docstring says it is Qt-free: the claim is what the test holds
    it to, so a new module joins by saying so (and a module cannot say so untested)."""
    names = []
    for path in sorted(KIOSK.rglob("*.py")):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if "Qt-free" in docstring:
            parts = path.relative_to(KIOSK.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_model_and_every_module_that_says_so_import_no_qt():
    modules = qt_free_modules()
    assert {"kiosk.model.dataset", "kiosk.model.loader", "kiosk.config", "kiosk.datastore"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
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
