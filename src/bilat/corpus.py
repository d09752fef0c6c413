"""Find and read the article files of a corpus folder: which files, their ids, their text.

Kept light: every query stats the folder through this module, so the parsing of wire copy
(headlines, datelines, boilerplate) lives in `wirecopy` and loads only when a file is read.

Which files are articles (`iter_files`)
  - `.txt` and `.md` files, saved web pages (`.html`, `.htm`: `webpages`) and exports of records
    (`.jsonl`, `.json`: `exports`, one document per record), any case, anywhere under the corpus folder. Symlinked folders are
    followed; a link back to a folder already walked is a loop and is reported, not followed.
  - Never: hidden files and folders (`.name`), and the notes and answer keys that travel with
    article sets: `README*`, `LICENSE*`/`LICENCE*`, `SOURCES*` (any case) and `*.gold.json`.
  - `.bilatignore` in the corpus folder, gitignore-like: one glob a line, `#` comments, blank
    lines; `*` and `?` stay within one path segment, `**` crosses them; a pattern with a `/`
    (other than a trailing one) is anchored at the corpus folder, one without matches at any
    depth; a trailing `/` matches folders only; `!pattern` takes a file back in (the last
    matching line wins; as in git, nothing comes back out of an ignored folder).
  - `exclude` globs (`--exclude`) work as more `.bilatignore` lines; `include` globs
    (`--include`) keep only the articles that match one of them (or lie in a folder that does).

How bytes become text (`decode`), the first rule that applies:
  1. A UTF-8, UTF-16 or UTF-32 byte-order mark: that encoding (bad sequences become U+FFFD).
  2. NUL bytes: binary, skipped (UTF-16 without a byte-order mark is not guessed).
  3. Valid UTF-8: UTF-8.
  4. UTF-8 with a few broken bytes (at least as many good multi-byte characters as bad bytes):
     UTF-8, the broken bytes become U+FFFD.
  5. Anything else: Windows-1252, which is what "Latin-1" files hold in practice; the five bytes
     it leaves undefined are Latin-1's C1 controls and are dropped.
  Then: more than 10% control or replacement characters means binary, skipped; an empty or
  whitespace-only result is skipped; CRLF/CR become newlines; tabs and no-break spaces become
  spaces; terminal escapes, bidi and zero-width characters are removed (`render.terminal_safe`),
  so a name with a hidden ZWSP still matches; NFC.
  charset-normalizer was measured and left out: it adds 40-65 ms of import, and on short English
  articles with a few accented names it chose cp775, cp1250 or cp1006 over Latin-1 and
  Windows-1252 ("T³rkiye"). Single-byte Cyrillic or Central European files therefore read as
  Windows-1252 mojibake, never as an error.

Reading (`read_bytes`) is bounded: files over MAX_ARTICLE_BYTES are skipped unread, and
anything that is not a regular file, vanished, loops, or cannot be opened raises `Unreadable`
with a one-line reason.
"""
from __future__ import annotations

import errno
import operator
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing at start-up; type checkers take it as True
if TYPE_CHECKING:
    from bilat.models import Document  # a query scans the corpus, it builds no Document

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = (*TEXT_SUFFIXES, ".html", ".htm", ".jsonl", ".json")  # the other formats: see webpages and exports
# Notes and answer keys that travel with article sets, by the start and end of the lower-cased file name.
NOT_ARTICLES_START = ("readme", "license", "licence", "sources")
NOT_ARTICLES_END = (".gold.json",)
IGNORE_FILE = ".bilatignore"
# A long news article is 50 KB; a file eighty times that is a dump or a log, and reading it whole
# would hold it in memory three times over (bytes, text, the index's copy) for nothing.
MAX_ARTICLE_BYTES = 4 * 1024 * 1024
_BINARY_SAMPLE = 65536  # characters looked at to call a file binary
_BINARY_SHARE = 0.10
# Patterns as strings, compiled (and cached by `re`) when a file is first read: listing stays cheap.
_NOT_TEXT = "[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]"  # ESC is left out: hostile text is still text
_UNDEFINED_IN_CP1252 = b"\x81\x8d\x8f\x90\x9d"
_LONE_SURROGATE = "[\ud800-\udfff]"  # what os.fsdecode makes of name bytes that are not UTF-8
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


class CorpusError(Exception):
    """The corpus folder cannot be read."""


class Unreadable(Exception):
    """One file or folder that is not read as an article, and why, in a few words for the user.

    `str(e)` is "<path>: <reason>", with the path safe to print, for "bilat: skipped <str(e)>".
    """

    def __init__(self, path: Path | str, reason: str):
        super().__init__(path, reason)
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.reason}"


def display_path(path: Path | str) -> str:
    """A path as it may be printed: undecodable name bytes as U+FFFD, no terminal escapes."""
    from bilat.render import terminal_safe

    return terminal_safe(os.fsencode(path).decode("utf-8", errors="replace"))


# --- which files -------------------------------------------------------------------------------

class _Globs:
    """gitignore-like patterns, matched against `/`-separated paths relative to the corpus folder."""

    def __init__(self, lines=()):
        self.rules: list[tuple[bool, bool, re.Pattern]] = []  # (takes back in, folders only, pattern)
        for line in lines:
            line = line.rstrip("\n").rstrip()
            if line and not line.startswith("#") and line.strip("!/\\"):
                self.rules.append(_compile(line))

    def ignored(self, rel: str, is_dir: bool) -> bool:
        verdict = False
        for negated, dirs_only, pattern in self.rules:
            if (is_dir or not dirs_only) and pattern.match(rel):
                verdict = not negated
        return verdict

    def any_match(self, rel: str) -> bool:
        """The file or one of its folders matches: `--include drafts/` keeps what lies in drafts."""
        parts = rel.split("/")
        return any(pattern.match("/".join(parts[:n])) and (n < len(parts) or not dirs_only)
                   for negated, dirs_only, pattern in self.rules if not negated for n in range(1, len(parts) + 1))


def _compile(line: str) -> tuple[bool, bool, re.Pattern]:
    negated = line.startswith("!")
    line = line[1:] if negated else line
    if line.startswith("\\"):  # `\#file`, `\!file`: a literal first character, as in gitignore
        line = line[1:]
    dirs_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line
    body = _glob_to_regex(line.lstrip("/"))
    return negated, dirs_only, re.compile(("" if anchored else "(?:.*/)?") + body + r"\Z", re.S)


def _glob_to_regex(glob: str) -> str:
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2:]:
            end = glob.index("]", i + 2)
            chars = glob[i + 1:end]
            chars = "^" + chars[1:] if chars.startswith("!") else chars  # [!a-z], as in shells
            out.append("[" + chars.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def _is_article_name(name: str) -> bool:
    lower = name.lower()
    return (not name.startswith(".") and lower.endswith(SUFFIXES)
            and not lower.startswith(NOT_ARTICLES_START) and not lower.endswith(NOT_ARTICLES_END))


def iter_files(root: Path, include=(), exclude=(), skipped: list[Unreadable] | None = None) -> list[Path]:
    """Every article file under root, in a stable order (see the module docstring for which).

    Folders that cannot be listed, symlink loops and an unreadable `.bilatignore` are appended to
    `skipped` when a list is given; files are only listed here, their problems show when read.
    """
    return sorted(Path(entry.path) for _rel, entry in walk_articles(root, include, exclude, skipped))


_NAME = operator.attrgetter("name")  # a directory entry's name, for sorting in C


def walk_articles(root: Path, include=(), exclude=(), skipped: list[Unreadable] | None = None
                  ) -> Iterator[tuple[str, os.DirEntry]]:
    """iter_files as plain strings: each article's `/`-separated path relative to root, and its directory entry
    (whose stat() the refresh compares). No Path per file."""
    for prefix, entries in article_folders(root, include, exclude, skipped):
        for entry in entries:
            yield prefix + entry.name, entry


def article_folders(root: Path, include=(), exclude=(), skipped: list[Unreadable] | None = None
                    ) -> Iterator[tuple[str, list[os.DirEntry]]]:
    """walk_articles a folder at a time: each folder's `/`-separated path relative to root (ending in `/`, empty
    for root itself) and its articles' directory entries in name order. A refresh with nothing changed is mostly
    this walk and a stat per file, so the caller loops over each folder's entries itself: at 100,000 files a
    generator step or a Path per file is a measurable share of the whole."""
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    problems: list[Unreadable] = skipped if skipped is not None else []
    ignore = _Globs(_ignore_lines(root, problems) + list(exclude))
    wanted = _Globs(include) if include else None
    seen = {_folder_key(root)}

    def walk(folder: str, prefix: str) -> Iterator[tuple[str, list[os.DirEntry]]]:
        # As os.walk(followlinks=True) goes: a folder's files in name order, then its folders in name order.
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            problems.append(Unreadable(error.filename or folder, f"folder cannot be listed ({error.strerror or error})"))
            return
        folders, files = [], []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (folders if is_dir else files).append(entry)
        keep = []
        for entry in sorted(folders, key=lambda e: e.name):
            if entry.name.startswith(".") or ignore.ignored(prefix + entry.name, is_dir=True):
                continue
            try:
                key = _folder_key(entry.path)
            except OSError as e:
                problems.append(Unreadable(Path(entry.path), _reason(e)))
                continue
            if key in seen:  # a symlink back to a folder already walked: following it could never end
                problems.append(Unreadable(Path(entry.path), "links to a folder already listed (a symbolic link loop or a second link)"))
                continue
            seen.add(key)
            keep.append(entry)
        articles = [entry for entry in files if _is_article_name(entry.name)]
        if ignore.rules:
            articles = [entry for entry in articles if not ignore.ignored(prefix + entry.name, is_dir=False)]
        if wanted is not None:
            articles = [entry for entry in articles if wanted.any_match(prefix + entry.name)]
        if articles:
            articles.sort(key=_NAME)
            yield prefix, articles
        for entry in keep:
            yield from walk(entry.path, prefix + entry.name + "/")

    yield from walk(str(root), "")


def _folder_key(path: Path | str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _ignore_lines(root: Path, problems: list[Unreadable]) -> list[str]:
    path = root / IGNORE_FILE
    try:
        data, _ = read_bytes(path, max_bytes=1024 * 1024)
    except Unreadable as e:
        if os.path.lexists(path):
            problems.append(e)
        return []
    return data.decode("utf-8-sig", errors="replace").splitlines()


def doc_id(root: Path, path: Path) -> str:
    """The contract id: the path relative to the corpus folder, without extension, `/`-separated."""
    rel = path.relative_to(root).as_posix()
    return rel.rsplit(".", 1)[0]


# --- reading -----------------------------------------------------------------------------------

def read_bytes(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> tuple[bytes, os.stat_result]:
    """The file's bytes and the stat of what was read (store this one, not an earlier stat).

    Raises Unreadable for what is missing, vanished, a loop, not a regular file, too large, not
    permitted, or changing while it is read.
    """
    # O_NONBLOCK: opening a FIFO named like an article must not hang the index.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    for _attempt in range(2):
        try:
            fd = os.open(path, flags)
        except OSError as e:
            raise Unreadable(path, _reason(e, path)) from None
        try:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                raise Unreadable(path, "not a regular file")
            if before.st_size > max_bytes:
                raise Unreadable(path, f"too large for an article ({_size(before.st_size)}; the limit is {_size(max_bytes)})")
            chunks, total = [], 0
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
                total += len(chunk)
                if total > max_bytes:  # it grew while being read
                    raise Unreadable(path, f"too large for an article (over {_size(max_bytes)})")
            after = os.fstat(fd)
        except OSError as e:
            raise Unreadable(path, _reason(e, path)) from None
        finally:
            os.close(fd)
        if after.st_size == before.st_size == total and after.st_mtime_ns == before.st_mtime_ns:
            return b"".join(chunks), after
    raise Unreadable(path, "changed while being read (it is read again on the next run)")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _reason(error: OSError, path: Path | None = None) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        if path is not None and os.path.islink(path):
            return "broken symbolic link"
        return "vanished since the folder was listed"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "not a regular file"
    return f"cannot be read ({error.strerror or error})"


def decode(data: bytes) -> str:
    """Bytes to clean text, by the rules in the module docstring; ValueError(reason) when it is not text."""
    from bilat.render import terminal_safe

    if not data:
        raise ValueError("empty file")
    text = _text_of(data)
    sample = text[:_BINARY_SAMPLE]
    if len(re.findall(_NOT_TEXT, sample)) > _BINARY_SHARE * len(sample):
        raise ValueError("binary file (not text)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = terminal_safe(text.replace("\t", " ").replace("\u00a0", " "))
    if not text.strip():
        raise ValueError("no text (only whitespace or invisible characters)")
    return unicodedata.normalize("NFC", text)


def _text_of(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="surrogateescape")  # bad bytes become U+DC80-DCFF, one each
    bad = sum(1 for ch in loose if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in loose if ord(ch) > 127) - bad
    if good >= bad:
        return data.decode("utf-8", errors="replace")
    return data.translate(None, _UNDEFINED_IN_CP1252).decode("cp1252")


def file_format(path: Path | str) -> str:
    """The format a file is read as, by its suffix: txt, md, html (for .htm too), jsonl, json."""
    suffix = os.path.splitext(str(path))[1].lower().lstrip(".")
    return "html" if suffix == "htm" else suffix


EXPORT_FORMATS = ("jsonl", "json")  # files of many records (see exports)


def is_export(path: Path | str) -> bool:
    return file_format(path) in EXPORT_FORMATS


_EXPORTS: dict[tuple[str, int, int], dict] = {}  # the last export parsed: its records are read one at a time


def export_records(path: Path) -> dict:
    """The records of an export by key (see `exports`), parsed once per version of the file.

    Raises Unreadable for a file that cannot be read or holds no records."""
    from bilat import exports

    data, st = read_bytes(path, max_bytes=exports.MAX_EXPORT_BYTES)
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _EXPORTS:
        try:
            found = {r.key: r for r in exports.records(data, path.suffix)}
        except exports.NotAnExport as e:
            raise Unreadable(path, str(e)) from None
        _EXPORTS.clear()
        _EXPORTS[key] = found
    return _EXPORTS[key]


def record_ids(file_id: str, path: Path) -> list[str]:
    """The document ids of an export's records: the file's id, `:`, each record's key."""
    from bilat.exports import SEPARATOR

    return [file_id + SEPARATOR + key for key in export_records(path)]


def read_record(root: Path, path: Path, id_: str) -> tuple[bytes, Document]:
    """One record of an export: its bytes (what its hash is of) and its document. Raises Unreadable."""
    import json

    from bilat.exports import SEPARATOR, document_text
    from bilat.wirecopy import parse_document

    record = export_records(path).get(id_[len(doc_id(root, path)) + len(SEPARATOR):])
    if record is None:
        raise Unreadable(path, f"record {id_} is gone (the file changed)")
    where = f"{path}{SEPARATOR}{record.key}"
    if record.problem:
        raise Unreadable(where, record.problem)
    text, title, date, url = document_text(record)
    try:
        clean_text = decode(text.encode("utf-8", errors="replace"))
    except ValueError as e:
        raise Unreadable(where, str(e)) from None
    doc = parse_document(id_, str(path), clean_text)
    _metadata(doc, title, date)
    return json.dumps(record.fields, sort_keys=True, ensure_ascii=False).encode("utf-8", errors="replace"), doc


def _metadata(doc: Document, title: str | None, date: str | None) -> None:
    """A title and published date the file's metadata states rule over what the text would give."""
    from bilat.render import terminal_safe

    if title:
        doc.title = terminal_safe(title)
    if date and not doc.prefix_date:
        doc.prefix_date, doc.date_from_metadata = date, True


def credit_metadata(doc: Document, extraction) -> None:
    """Dates extraction took from the published date the metadata gave say so: `metadata`, not `prefix`."""
    from dataclasses import replace

    if not doc.date_from_metadata:
        return
    if extraction.date is not None and extraction.date.source == "prefix":
        extraction.date = replace(extraction.date, source="metadata")
    for event in extraction.events:
        if event.date is not None and event.date.source == "prefix":
            event.date = replace(event.date, source="metadata")


def read_document(root: Path, path: Path, data: bytes | None = None) -> Document:
    """One article, read (unless `data` holds its bytes already), decoded and split from its furniture.

    A saved page's article text is found first (`webpages`). An export holds many documents: read its
    records with `read_record`. Raises Unreadable(path, reason) for every file that is not read; nothing else.
    """
    from bilat.wirecopy import parse_document

    id_, where = doc_id(root, path), str(path)
    if re.search(_LONE_SURROGATE, id_ + where):
        # SQLite cannot store such a name, and it would print as garbage anyway.
        raise Unreadable(path, "file name is not valid UTF-8; rename it")
    if data is None:
        data, _ = read_bytes(path)
    elif len(data) > MAX_ARTICLE_BYTES:
        raise Unreadable(path, f"too large for an article ({_size(len(data))}; the limit is {_size(MAX_ARTICLE_BYTES)})")
    try:
        text = decode(data)
    except ValueError as e:
        raise Unreadable(path, str(e)) from None
    if file_format(path) != "html":
        return parse_document(id_, where, text)
    from bilat import webpages

    try:
        page = webpages.read_page(text)
        text = decode(page.text.encode("utf-8"))
    except (webpages.PageUnavailable, ValueError) as e:
        raise Unreadable(path, str(e)) from None
    doc = parse_document(id_, where, text)
    _metadata(doc, page.title, page.date)
    return doc
