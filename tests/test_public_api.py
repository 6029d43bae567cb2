"""The public surface is re-exported with __all__, and importing it loads nothing heavy."""

from __future__ import annotations

import subprocess
import sys

import newsprism


def test_all_names_exist() -> None:
    for name in newsprism.__all__:
        assert hasattr(newsprism, name), name
    assert sorted(newsprism.__all__) == newsprism.__all__


def test_import_loads_no_model() -> None:
    code = (
        "import sys, newsprism, newsprism.cli;"
        "heavy = [m for m in ('spacy', 'onnxruntime', 'sklearn', 'trafilatura', 'torch')"
        " if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_version_is_the_installed_package_version() -> None:
    from importlib.metadata import version

    from typer.testing import CliRunner

    from newsprism.cli import app

    assert newsprism.__version__ == version("newsprism")
    shown = CliRunner().invoke(app, ["--version"])
    assert shown.exit_code == 0 and shown.stdout.strip() == f"newsprism {newsprism.__version__}"
