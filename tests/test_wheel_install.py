"""``pip install`` of the built wheel (not editable) gives a working ``imagingnet``, resources included.

The wheel is built from a copy of the source (so the checkout gets no build/ or egg-info), installed with
``--no-deps`` into a fresh venv made from the base interpreter. Its third-party dependencies come from the test
environment's site-packages through a ``.pth`` line: a directory named in a ``.pth`` file is only appended to
``sys.path`` — its own ``.pth`` files (the editable install's finder) are not run — so ``imagingnet_desktop``
can only come from the wheel. The test proves it: the imported package and the demo CSV are inside the venv.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from locations import (
    DATA,  # noqa: E402
    REPO,  # noqa: E402
)

BIN = "Scripts" if sys.platform == "win32" else "bin"
EXE = ".exe" if sys.platform == "win32" else ""


def _run(args: list[object], *, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    assert result.returncode == 0, f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


def _setuptools_can_build() -> bool:
    """True when this environment's setuptools meets pyproject's build requirement (then no download)."""
    try:
        import setuptools
    except ImportError:
        return False
    major = int(setuptools.__version__.split(".")[0])
    return major >= 77


def _build_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(
        REPO / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "*.pyc")
    )
    wheels = tmp / "wheels"
    isolation = ["--no-build-isolation"] if _setuptools_can_build() else []
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-w", wheels, source], cwd=tmp)
    (wheel,) = wheels.glob("imagingnet_desktop-*.whl")
    return wheel


def _venv_with(wheel: Path, tmp: Path) -> Path:
    venv = tmp / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    _run([base, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / BIN / f"python{EXE}"
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel], cwd=tmp)
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                        cwd=tmp).stdout.strip())
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "zz_test_dependencies.pth").write_text("\n".join(sorted(dependencies)) + "\n", encoding="utf-8")
    return venv


@pytest.mark.allow_network(reason="pip builds the wheel and may consult the package index for build tools")
def test_installed_wheel_runs_new_import_and_report(tmp_path):
    wheel = _build_wheel(tmp_path)
    venv = _venv_with(wheel, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PYTHONIOENCODING"] = "utf-8"
    python = venv / BIN / f"python{EXE}"

    where = json.loads(_run([python, "-c", (
        "import json, sys, imagingnet_desktop\n"
        "from imagingnet_desktop.resources import resource\n"
        "print(json.dumps({'package': imagingnet_desktop.__file__, 'demo': str(resource('demo-network.csv')),"
        " 'path': sys.path}))"
    )], cwd=work, env=env).stdout)
    assert Path(where["package"]).resolve().is_relative_to(venv.resolve()), where["package"]
    assert Path(where["demo"]).resolve().is_relative_to(venv.resolve()), where["demo"]
    assert str(REPO / "src") not in where["path"]

    imagingnet = venv / BIN / f"imagingnet{EXE}"
    assert _run([imagingnet, "--version"], cwd=work, env=env).stdout.startswith("imagingnet ")
    _run([imagingnet, "new", "w.imagingnet", "--demo"], cwd=work, env=env)
    _run([imagingnet, "import-partners", "w.imagingnet", DATA / "partners-unicode.csv"], cwd=work, env=env)
    network = json.loads(_run([imagingnet, "report", "w.imagingnet", "--json"], cwd=work, env=env).stdout)["network"]

    with (REPO / "src/imagingnet_desktop/resources/demo-network.csv").open(encoding="utf-8-sig") as handle:
        demo_codes = [row["code"] for row in csv.DictReader(handle)]
    assert [p["code"] for p in network["partners"]] == [*demo_codes, "BCW", "ÉCL"]
    assert network["partners"][-2]["name"].startswith("Ysbyty Gwynedd ŵ")
    assert {c["id"] for c in network["checks"]} == {
        "population", "staff", "radiologists", "staff_vacancy", "radiologist_vacancy"}

    exported = _run([imagingnet, "export", "mou", "w.imagingnet", "-o", "w.docx"], cwd=work, env=env)
    assert exported.stdout.startswith("Exported the draft MOU, version 1") and (work / "w.docx").stat().st_size > 10_000

    missing = _run_failing([imagingnet, "report", "missing.imagingnet"], work, env)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert not (work / "missing.imagingnet").exists()


def _run_failing(args: list[object], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)

