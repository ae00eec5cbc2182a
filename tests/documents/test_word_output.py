"""Writing the file: whole or not at all. An existing document is replaced only by renaming a finished
temporary file over it; a failure midway, or a target locked by Word, leaves the old file byte for byte."""

from __future__ import annotations

import os

import pytest

from imagingnet_desktop.documents import output, word
from imagingnet_desktop.documents.model import Document, Paragraph, TitlePage
from imagingnet_desktop.documents.output import ExportFileError, TargetInUseError, write_document


def small(text: str = "hello") -> Document:
    return Document(TitlePage("Draft", "Network", ()), "DRAFT", "footer", (Paragraph(text),))


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_an_existing_file_is_replaced_whole(tmp_path):
    target = tmp_path / "draft.docx"
    target.write_bytes(b"old version")
    write_document(small(), target)
    assert target.read_bytes()[:2] == b"PK"  # a zip: a Word document
    assert leftovers(tmp_path) == []


def test_a_failure_while_rendering_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "draft.docx"
    target.write_bytes(b"old version")

    def broken(document, path):
        path.write_bytes(b"half a docum")  # partly written, then it fails
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(output, "save", broken)
    with pytest.raises(RuntimeError, match="renderer failed"):
        write_document(small(), target)
    assert target.read_bytes() == b"old version"
    assert leftovers(tmp_path) == []


def test_a_target_open_in_word_gets_a_clear_message_and_stays_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "draft.docx"
    target.write_bytes(b"open in Word")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(TargetInUseError) as caught:
        write_document(small(), target)
    message = str(caught.value)
    assert "draft.docx is open in another program" in message and "Close it there and export again" in message
    assert "\n" not in message
    assert target.read_bytes() == b"open in Word"
    assert leftovers(tmp_path) == []


def test_disk_full_while_saving_is_an_export_error(tmp_path, monkeypatch):
    def full(document, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "save", full)
    with pytest.raises(ExportFileError, match="could not be written: No space left on device"):
        write_document(small(), tmp_path / "draft.docx")
    assert leftovers(tmp_path) == []


def test_a_missing_folder_or_a_folder_as_target_is_refused(tmp_path):
    with pytest.raises(ExportFileError, match="does not exist"):
        write_document(small(), tmp_path / "nowhere" / "draft.docx")
    (tmp_path / "a folder.docx").mkdir()
    with pytest.raises(ExportFileError, match="is a folder"):
        write_document(small(), tmp_path / "a folder.docx")


def test_the_renderer_is_the_one_the_writer_uses():
    assert output.save is word.save


@pytest.mark.parametrize("name", ["draft.docx", "Network [v2] draft.docx"])
def test_what_a_killed_export_left_is_cleared_by_the_next_export_to_that_file(tmp_path, name):
    target = tmp_path / name
    stem = target.stem
    old = tmp_path / f".~{stem}-0badc0de.docx.tmp"  # from an export killed an hour ago
    recent = tmp_path / f".~{stem}-1234abcd.docx.tmp"  # perhaps another export being written right now
    other = tmp_path / ".~another-0badc0de.docx.tmp"  # another target's: not ours to judge
    for path in (old, recent, other):
        path.write_bytes(b"half a docum")
    an_hour_ago = os.path.getmtime(recent) - 3600
    for path in (old, other):
        os.utime(path, (an_hour_ago, an_hour_ago))
    write_document(small(), target)
    assert target.exists()
    assert leftovers(tmp_path) == sorted([recent.name, other.name])
