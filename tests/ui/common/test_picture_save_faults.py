"""A picture saved as PNG (a chart page's button or a drawing's right-click) is written whole or not at all: a
full disk or a folder that may not be written says so where the person looks, and a picture saved there
before stays byte for byte, with no half a file or temporary file left beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from disk_fixtures import fill, mounted_tmpfs, read_only
from imagingnet_desktop.ui.common.picture_out import save_png_as

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 200_000  # bigger than the space left on the full disk
OLD = b"last week's picture"


def _save(target: Path) -> list[str]:
    told: list[str] = []
    save_png_as(lambda: str(target), lambda: PNG, told.append)
    return told


def test_a_picture_replaces_an_earlier_one_whole_and_gets_its_suffix(tmp_path: Path) -> None:
    (tmp_path / "chart.png").write_bytes(OLD)
    assert _save(tmp_path / "chart") == [f"Saved {tmp_path / 'chart.png'}"]
    assert (tmp_path / "chart.png").read_bytes() == PNG
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]


def test_a_full_disk_says_not_saved_and_leaves_the_earlier_picture(tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "disk", size="200k") as disk:
        kept = disk / "chart.png"
        kept.write_bytes(OLD)
        filler = fill(disk)
        told = _save(kept)
        assert len(told) == 1 and told[0].startswith("Not saved: chart.png could not be written")
        assert "disk is full" in told[0]
        assert kept.read_bytes() == OLD
        assert sorted(p.name for p in disk.iterdir()) == sorted(["chart.png", filler.name])


def test_a_folder_that_may_not_be_written_says_so_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "disk", size="1m") as disk:
        (disk / "chart.png").write_bytes(OLD)
        with read_only(disk):
            for name in ("chart.png", "fresh.png"):
                told = _save(disk / name)
                assert len(told) == 1 and told[0].startswith("Not saved: ") and "choose another folder" in told[0]
        assert sorted(p.name for p in disk.iterdir()) == ["chart.png"] and (disk / "chart.png").read_bytes() == OLD


def test_nothing_is_asked_of_the_disk_when_the_dialog_is_cancelled(tmp_path: Path) -> None:
    told: list[str] = []
    save_png_as(lambda: "", lambda: pytest.fail("nothing drawn when nothing is to be saved"), told.append)
    assert told == [] and list(tmp_path.iterdir()) == []
