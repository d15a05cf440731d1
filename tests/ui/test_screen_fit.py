"""Every window on a 1366×768 laptop with a taskbar, at 100 % and at 150 % scaling: it fits, its
buttons are on screen, every control has a name a screen reader can say, every dialog a default
button. The windows are opened in a process of their own, whose screen is set before Qt starts."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TASKBAR = 40  # pixels a Windows or GNOME taskbar takes from a 768-pixel-high screen


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_every_window_fits_a_laptop_and_names_its_controls(tmp_path, scale):
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768 - TASKBAR,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_walk"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    expected = (round(1366 / float(scale)), round((768 - TASKBAR) / float(scale)))
    assert abs(report["screen"][0] - expected[0]) <= 1
    assert abs(report["screen"][1] - expected[1]) <= 1
    assert "page Board" in report["opened"] and "Assessment" in report["opened"]
    assert "PDF preview" in report["opened"] and "Move in" in report["opened"]
    assert "Set-up guide, flat" in report["opened"]
    assert "Assessment view" in report["opened"] and "Assessment comparison" in report["opened"]
    assert report["problems"] == []


def test_every_page_has_its_own_shortcut():
    from housing_desk.ui.main_window import ALL_PAGES

    shortcuts = [shortcut for _key, _label, shortcut, _factory, _right in ALL_PAGES]
    assert all(shortcuts) and len(set(shortcuts)) == len(shortcuts)
