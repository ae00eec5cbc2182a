"""Installed footprint: what the app takes on disk, as a virtualenv and as the packaged one-folder app.

    .venv/bin/python benchmarks/footprint.py [--venv PATH] [--dist dist/ImagingNet] [--top 10]

Without ``--venv``, a fresh virtualenv is made in a temporary folder and the project installed in it as a user
would (``pip install .``: the app and its runtime dependencies, no test or build tools); its size is the
venv's footprint. ``--venv`` measures an existing one instead (this worktree's ``.venv`` holds the test tools
too). The packaged folder is the one ``make package`` builds (PyInstaller); it is measured when it exists.
Prints the totals, the largest packages and how many files. No budget is set in DESIGN.md: the figures are
reported, and the exit status is 0 unless measuring failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def size_of(path: Path) -> tuple[int, int]:
    """Bytes and files under ``path`` (symlinks not followed, each file counted once)."""
    total = files = 0
    for folder, _, names in os.walk(path):
        for name in names:
            file = Path(folder) / name
            if not file.is_symlink():
                total += file.stat().st_size
                files += 1
    return total, files


def largest(path: Path, top: int) -> list[tuple[str, int]]:
    """The ``top`` largest entries directly under ``path``, by size."""
    sizes = []
    for entry in path.iterdir():
        sizes.append((entry.name, size_of(entry)[0] if entry.is_dir() else entry.stat().st_size))
    return sorted(sizes, key=lambda s: -s[1])[:top]


def site_packages(env: Path) -> Path:
    found = sorted(env.glob("lib/python3*/site-packages")) or sorted(env.glob("Lib/site-packages"))
    if not found:
        sys.exit(f"no site-packages under {env}")
    return found[0]


def report(title: str, path: Path, inner: Path, top: int) -> None:
    total, files = size_of(path)
    print(f"{title}: {total / MB:,.0f} MB in {files:,} files ({path})")
    for name, size in largest(inner, top):
        print(f"  {name:<48}{size / MB:8.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, help="measure this virtualenv instead of installing a fresh one")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "ImagingNet", help="the packaged folder")
    parser.add_argument("--top", type=int, default=10)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = options.venv
        if env is None:
            env = Path(tmp) / "venv"
            start = time.perf_counter()
            venv.create(env, with_pip=True)
            python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
            done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-compile", str(ROOT)],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"pip install failed:\n{done.stderr[-3000:]}")
            subprocess.run([str(python), "-m", "compileall", "-q", str(site_packages(env))], capture_output=True)
            print(f"fresh virtualenv, `pip install .` (runtime dependencies only), byte-compiled: "
                  f"{time.perf_counter() - start:.0f} s")
        report("virtualenv", env, site_packages(env), options.top)
        pip_share = sum(size_of(p)[0] for p in site_packages(env).glob("pip*"))
        print(f"  (of which pip itself {pip_share / MB:.0f} MB, which a user's install also carries)")
    if options.dist.is_dir():
        internal = options.dist / "_internal"
        report("\npackaged one-folder app (make package)", options.dist, internal if internal.is_dir()
               else options.dist, options.top)
    else:
        print(f"\npackaged one-folder app: not built ({options.dist} missing; `make package` builds it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
