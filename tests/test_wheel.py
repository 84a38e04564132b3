"""A built, non-editable wheel carries data/ and resources/ and works from another directory."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory):
    build = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "-w", str(build), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = build.glob("*.whl")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(pip + ["install", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    return wheel, target


@pytest.mark.slow
def test_wheel_contains_data_and_resources(installed_wheel):
    wheel, _ = installed_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("kiosk/_bundled/data/jining-hightech-zone.json", "kiosk/_bundled/data/schema.json",
                     "kiosk/_bundled/resources/fonts/KioskSansSC-Regular.otf",
                     "kiosk/_bundled/resources/fonts/OFL.txt", "kiosk/_bundled/resources/theme/kiosk.qss"):
        assert required in names


@pytest.mark.slow
def test_installed_wheel_runs_from_another_directory(installed_wheel, tmp_path):
    _, target = installed_wheel
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import kiosk, kiosk.resources as r; print(kiosk.__file__); print(r.data_path())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(target) for p in where), where
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "kiosk", "screenshot", "--view", "industries",
                             "--lang", "zh", "--out", str(out)],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1920
