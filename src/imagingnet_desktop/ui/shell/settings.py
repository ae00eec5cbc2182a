"""What the app remembers between runs (QSettings): recent workspaces, the window's geometry, the type size.

``IMAGINGNET_SETTINGS=/path/file.ini`` keeps the settings in that file instead of the user's own, so tests,
benchmarks and smoke checks never touch a facilitator's recent list.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "ImagingNet"
APPLICATION = "ImagingNet Desktop"
SETTINGS_FILE_ENV = "IMAGINGNET_SETTINGS"
MAX_RECENT = 8

_RECENT = "recent_workspaces"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_TYPE_ZOOM = "view/type_zoom"


class AppSettings:
    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings

    @classmethod
    def from_environment(cls) -> AppSettings:
        path = os.environ.get(SETTINGS_FILE_ENV)
        if path:
            return cls(QSettings(path, QSettings.Format.IniFormat))
        return cls(QSettings(ORGANISATION, APPLICATION))

    @classmethod
    def in_file(cls, path: str | os.PathLike[str]) -> AppSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # ------------------------------------------------------------- recent workspaces
    def recent_files(self) -> list[Path]:
        value: Any = self._q.value(_RECENT, [])  # a list, a str or None, as the file holds it
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list in INI files
            value = [value]
        return [Path(v) for v in (value or []) if isinstance(v, str) and v]

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        key = _key(path)
        kept = [p for p in self.recent_files() if _key(p) != key]
        self._set_recent([Path(path).resolve(), *kept][:MAX_RECENT])

    def remove_recent(self, path: str | os.PathLike[str]) -> None:
        key = _key(path)
        self._set_recent([p for p in self.recent_files() if _key(p) != key])

    def clear_recent(self) -> None:
        self._set_recent([])

    def _set_recent(self, paths: list[Path]) -> None:
        self._q.setValue(_RECENT, [str(p) for p in paths])
        self._q.sync()

    # ------------------------------------------------------------- the main window
    def window_geometry(self) -> QByteArray | None:
        return _bytes(self._q.value(_GEOMETRY))

    def window_state(self) -> QByteArray | None:
        return _bytes(self._q.value(_STATE))

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._q.setValue(_GEOMETRY, geometry)
        self._q.setValue(_STATE, state)
        self._q.sync()

    # ------------------------------------------------------------- the type size (Ctrl+= / Ctrl+- / Ctrl+0)
    def type_zoom(self) -> float:
        """The type size last chosen, as a factor (1.0 = normal); 1.0 when none was saved or it is unreadable."""
        value: Any = self._q.value(_TYPE_ZOOM)  # a float, or its text in an INI file
        try:
            zoom = float(value)
        except (TypeError, ValueError):
            return 1.0
        return zoom if math.isfinite(zoom) and zoom > 0 else 1.0

    def save_type_zoom(self, zoom: float) -> None:
        self._q.setValue(_TYPE_ZOOM, float(zoom))
        self._q.sync()


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


# ------------------------------------------------------------- where new workspaces go
WORKSPACE_SUFFIX = ".imagingnet"


def documents_folder() -> Path:
    """The user's documents folder, else the app's data folder (created if need be)."""
    from PySide6.QtCore import QStandardPaths

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir() and os.access(docs, os.W_OK):
        return Path(docs)
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(data) if data else Path.home()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_stem(name: str) -> str:
    """A network name made safe as a file name on Windows and elsewhere (no control characters, never a
    reserved device name such as CON or NUL)."""
    from imagingnet_desktop.domain.names import safe_file_stem

    return safe_file_stem(name)


def unused_path(folder: Path, name: str) -> Path:
    """``folder/name.imagingnet``, or ``name 2.imagingnet``, ``name 3``… whichever does not exist yet."""
    stem = file_stem(name)
    candidate = folder / f"{stem}{WORKSPACE_SUFFIX}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} {n}{WORKSPACE_SUFFIX}"
        n += 1
    return candidate
