"""Every module of the layers without Qt can be the first one imported: an import cycle that only
breaks in one order (a module re-exporting another's names, say) fails here, not in the field."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import importlib, pkgutil, sys
import housing_desk
names = sorted(
    info.name
    for info in pkgutil.walk_packages(housing_desk.__path__, "housing_desk.")
    if info.name.split(".")[1] in ("data", "services", "documents")
)
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m == "housing_desk" or m.startswith("housing_desk.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {type(error).__name__}: {error}")
print(len(names))
print("\n".join(failed))
"""


def test_each_module_imports_on_its_own_first():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    count, *failed = done.stdout.strip().splitlines()
    assert int(count) > 100
    assert failed == []
