"""The shipped styles template is the one ``packaging/make_word_styles.py`` makes: its styles and list
definitions match a fresh build exactly (so a change to the script that was not rebuilt and committed fails)."""

from __future__ import annotations

import importlib.util
import zipfile

from imagingnet_desktop.resources import resource
from locations import REPO


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in ("word/styles.xml", "word/numbering.xml")}


def test_the_shipped_template_matches_a_fresh_build(tmp_path):
    spec = importlib.util.spec_from_file_location("make_word_styles", REPO / "packaging" / "make_word_styles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = tmp_path / "word-styles.docx"
    module.build(fresh)
    with resource("word-styles.docx").open("rb") as shipped:
        assert parts(shipped) == parts(fresh)
