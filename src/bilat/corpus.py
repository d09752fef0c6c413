"""Find and read the article files of a corpus folder: which files, their ids, their text.

Kept light: every query stats the folder through this module, so the parsing of wire copy
(headlines, datelines, boilerplate) lives in `wirecopy` and loads only when a file is read.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from bilat.models import Document

SUFFIXES = (".txt", ".md")

# Terminal control sequences and other control characters: article text is data, never markup.
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class CorpusError(Exception):
    """The corpus folder cannot be read."""


def iter_files(root: Path) -> list[Path]:
    """Every article file under root, in a stable order; hidden folders and files are skipped."""
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            found.append(Path(dirpath) / name)
    return found


def doc_id(root: Path, path: Path) -> str:
    """The contract id: the path relative to the corpus folder, without extension, `/`-separated."""
    rel = path.relative_to(root).as_posix()
    return rel.rsplit(".", 1)[0]


def decode(data: bytes) -> str:
    """Bytes to clean text: UTF-8 (BOM tolerated, bad bytes replaced), NFC, no control sequences."""
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = _CONTROL.sub("", text.replace("\t", " "))
    return unicodedata.normalize("NFC", text)


def read_document(root: Path, path: Path, data: bytes | None = None) -> Document:
    from bilat.wirecopy import parse_document

    if data is None:
        data = path.read_bytes()
    return parse_document(doc_id(root, path), str(path), decode(data))
