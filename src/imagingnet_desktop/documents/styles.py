"""The names shared by the styles template (``resources/word-styles.docx``) and the renderer.

The template is made by ``packaging/make_word_styles.py``; the renderer uses only the styles named here, so a
style missing from the template is caught by a test rather than by a lawyer opening the document.
"""

from __future__ import annotations

from functools import cache

from imagingnet_desktop.resources import resource

TEMPLATE_NAME = "word-styles.docx"

TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING = ("Heading 1", "Heading 2", "Heading 3")
BODY = "Body Text"
NOTE = "Drafting Note"
RECITAL = "Recital"
CLAUSE_HEADING = "Clause Heading"
CLAUSE_TEXT = "Clause Text"
BULLET = "List Bullet"
TABLE = "ImagingNet Table"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
SIGNATURE = "Signature Text"
HEADER = "Header"
FOOTER = "Footer"
PLACEHOLDER = "Placeholder"  # a character style for "[to be agreed]"

PARAGRAPH_STYLES = (TITLE, SUBTITLE, *HEADING, BODY, NOTE, RECITAL, CLAUSE_HEADING, CLAUSE_TEXT, BULLET,
                    TABLE_TEXT, TABLE_HEADING, SIGNATURE, HEADER, FOOTER)

# The template's list definitions, found by their w:name: clauses (1. / 1.1 / (a)) and recitals (A. B. C.).
CLAUSE_LIST = "ImagingNet clauses"
RECITAL_LIST = "ImagingNet recitals"

# Colours (hex RGB): NHS blue for headings, a pale blue for table header rows, amber for open matters.
HEADING_COLOUR = "005EB8"
HEADER_FILL = "D9E6F5"
PLACEHOLDER_FILL = "FFF2CC"


@cache
def template_bytes() -> bytes:
    """The styles template, read once."""
    return resource(TEMPLATE_NAME).read_bytes()
