"""The PyInstaller spec (built by ``make package``, not by the tests) collects every resource file and the Qt
platform plugins on each platform, and the smoke test runs the built app with no Python on PATH."""

from __future__ import annotations

import ast
import re

from locations import REPO  # noqa: E402

SPEC = REPO / "packaging" / "imagingnet.spec"
SMOKE = REPO / "packaging" / "smoke_test.sh"


def test_the_spec_is_python_and_collects_the_whole_resources_folder():
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text)  # a spec is Python
    assert 'RESOURCES = PACKAGE / "resources"' in text
    assert "RESOURCES.rglob(\"*\")" in text  # every file, sub-folders too: TOML content added later is covered
    assert "datas=resource_files" in text


def test_the_spec_names_the_platform_plugins_of_each_system():
    text = SPEC.read_text(encoding="utf-8")
    assert re.search(r'"qwindows"', text)
    assert re.search(r'"libqxcb", "libqoffscreen"', text)
    assert "binaries=platform_plugins" in text


def test_the_smoke_test_covers_start_new_report_and_export_without_python():
    text = SMOKE.read_text(encoding="utf-8")
    for step in ("--exit-after-start", "new \"$WORK/demo.imagingnet\" --demo", "report", "--json",
                 "export partners", "QT_QPA_PLATFORM=offscreen", "env -i PATH=\"$WORK/bin\""):
        assert step in text, step
    assert "command -v python3" in text


def test_package_extra_pins_pyinstaller_with_a_lower_bound():
    assert re.search(r'package = \[\s*"pyinstaller>=\d+\.\d+"', (REPO / "pyproject.toml").read_text())
