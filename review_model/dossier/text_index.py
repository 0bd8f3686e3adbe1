"""The dossiers' text, searchable: a plain `page_text` table plus an FTS5 trigram index over it.

Queries of 3 characters or more go through the trigram index; shorter ones (a Chinese query of
one or two characters, which trigrams cannot match) scan `page_text` with instr(), which stays
well under 100 ms for 3,000 pages (benchmarks/viewer.py measures both). LIKE is never used on
the FTS table: SQLite 3.40 gets it wrong there.

The index is derived data: it lives in the home's cache folder in its own database, so building
it never holds the write lock of the home's database while the expert is scoring, and a damaged
index is simply rebuilt. It is filled page batch by page batch, each batch committed with the
document's progress, so a build interrupted at any moment resumes where it stopped.

Scanned pages get a second row, source 'ocr', searched exactly like the text layer; `ocr_page`
keeps, per file SHA-256 + page + engine version, the outcome (done or failed with its reason),
the detected rotation, and a box per character of that text (unrotated PDF points), so a hit on
a scan is highlighted on the word itself. Every OCRed page is committed on its own: what is done
stays done across restarts.

The text is dossier content: with the home key (`key`, Home.key) the file is SQLCipher-encrypted
like the home's database (store/cipher.py); an index written before that is encrypted in place
once, so no OCR is redone. A wrong key reads as a damaged index: it is rebuilt.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..store import cipher
from ..store.blobs import private_dir, private_file
from .ocr import MIN_TEXT_CHARS, rects_of

SCHEMA_VERSION = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS document (
    sha256 TEXT PRIMARY KEY, pages INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'building',  -- building | done | unreadable
    labels TEXT);  -- the printed page labels, JSON, so hits can name pages as printed
CREATE TABLE IF NOT EXISTS page_text (
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'text',  -- text | ocr
    UNIQUE (sha256, page, source));
CREATE VIRTUAL TABLE IF NOT EXISTS page_fts USING fts5(text, content='page_text', content_rowid='id', tokenize='trigram');
CREATE TABLE IF NOT EXISTS ocr_page (
    sha256 TEXT NOT NULL, page INTEGER NOT NULL, engine TEXT NOT NULL,
    state TEXT NOT NULL,  -- done | failed
    reason TEXT, detail TEXT,  -- why it failed (ocr.OcrFailure), and the engine's words
    rotation INTEGER NOT NULL DEFAULT 0,  -- degrees clockwise that show the scan upright
    confidence REAL,  -- mean over the page's lines
    boxes TEXT,  -- JSON: per character of the page's 'ocr' text, [x0, y0, x1, y1, confidence] or null
    PRIMARY KEY (sha256, page, engine));
"""
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
_CJK_GAP = re.compile(rf"(?<={_CJK})\s+(?={_CJK})")
_SPACES = re.compile(r"\s+")
SNIPPET = 14  # characters of context either side of a hit


def normalize(text: str) -> str:
    """Text as searched: no line breaks inside Chinese text, other whitespace runs as one space."""
    return _SPACES.sub(" ", _CJK_GAP.sub("", text.replace("\u3000", " "))).strip()


class TextSource(StrEnum):
    TEXT = "text"  # the PDF's own text layer
    OCR = "ocr"  # read from the scan


class OcrState(StrEnum):
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class Hit:
    material_id: int
    page_index: int
    snippet: str  # the text around the first occurrence on the page
    count: int  # occurrences on the page
    rects: tuple[tuple[float, float, float, float], ...] = ()  # OCR hits: from the index; text: filled by the viewer
    source: TextSource = TextSource.TEXT


@dataclass(frozen=True)
class OcrCounts:
    done: int = 0
    failed: int = 0
    pending: int = 0


def _snippet(text: str, query: str) -> tuple[str, int]:
    folded, q = text.casefold(), query.casefold()
    at = folded.find(q)
    if at < 0:
        return text[:2 * SNIPPET], 1
    start, end = max(0, at - SNIPPET), min(len(text), at + len(q) + SNIPPET)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else ""), max(1, folded.count(q))


class TextIndex:
    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = Path(path)
        self._key = key
        self._lock = threading.Lock()
        self.warmed = threading.Event()  # set once warm() has read it through
        private_dir(self.path.parent)
        try:
            cipher.remove_leftover(self.path)
            if key is not None and cipher.is_plaintext(self.path):
                cipher.encrypt_in_place(self.path, key)
            self._db = self._connect()
        except cipher.DATABASE_ERROR:  # a damaged cache is rebuilt, never repaired
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = self._connect()

    def _connect(self):
        private_file(self.path)  # the dossiers' text is the home's: 0600, and its -wal/-shm follow
        db = cipher.connect(self.path, self._key, check_same_thread=False, isolation_level=None, timeout=10)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last batch on power loss is fine
            # Pages are decrypted as SQLite reads them: a cache big enough for a round's index (10–30
            # MiB) keeps a search from decrypting the same pages again (benchmarks/search_sealed.py).
            db.execute("PRAGMA cache_size=-65536")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                db.executescript("DROP TABLE IF EXISTS page_fts; DROP TABLE IF EXISTS page_text; DROP TABLE IF EXISTS document;"
                                 "DROP TABLE IF EXISTS ocr_page;")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except cipher.DATABASE_ERROR:
            db.close()
            raise
        return db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def warm(self) -> None:
        """Read the index through once, so that its pages sit decrypted in SQLite's cache (64 MiB:
        a round's index) before the first search needs them: an encrypted index's first search
        would otherwise decrypt them while the expert waits (benchmarks/search_sealed.py)."""
        with self._lock:
            try:
                for sql in ("SELECT sum(length(text)) FROM page_text",
                            "SELECT count(*) FROM (SELECT sha256, page, source FROM page_text ORDER BY 1, 2, 3)",
                            "SELECT count(*), sum(length(CAST(block AS TEXT))) FROM page_fts_data",  # a blob's length alone skips its overflow pages
                            "SELECT count(*) FROM page_fts_idx", "SELECT count(*) FROM page_fts_docsize",
                            "SELECT count(*) FROM page_fts_config", "SELECT rowid FROM page_fts LIMIT 1",
                            "SELECT sum(length(boxes)) FROM ocr_page", "SELECT count(*) FROM document"):
                    self._db.execute(sql).fetchone()
            except cipher.ERROR:  # closed meanwhile, or damaged: the search says so itself
                pass
        self.warmed.set()

    # --- building -----------------------------------------------------------------------------
    def state(self, sha256: str) -> tuple[int, str] | None:
        """(pages done, state) of a file, or None when it was never started."""
        with self._lock:
            row = self._db.execute("SELECT done, state FROM document WHERE sha256=?", (sha256,)).fetchone()
        return None if row is None else (row[0], row[1])

    def start(self, sha256: str, pages: int) -> None:
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO document (sha256, pages) VALUES (?, ?)", (sha256, pages))

    def add_pages(self, sha256: str, first: int, texts: list[str]) -> None:
        """Store pages first.. of a file and its progress in one transaction."""
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                for offset, text in enumerate(texts):
                    clean = normalize(text)
                    cursor = db.execute("INSERT OR IGNORE INTO page_text (sha256, page, text) VALUES (?, ?, ?)",
                                        (sha256, first + offset, clean))
                    if cursor.rowcount:
                        db.execute("INSERT INTO page_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, clean))
                db.execute("UPDATE document SET done=max(done, ?) WHERE sha256=?", (first + len(texts), sha256))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def set_labels(self, sha256: str, labels: list[str]) -> None:
        with self._lock:
            self._db.execute("UPDATE document SET labels=? WHERE sha256=?", (json.dumps(labels, ensure_ascii=False), sha256))

    def labels(self, sha256s: list[str]) -> dict[str, list[str]]:
        if not sha256s:
            return {}
        marks = ",".join("?" * len(sha256s))
        with self._lock:
            rows = self._db.execute(f"SELECT sha256, labels FROM document WHERE labels IS NOT NULL AND sha256 IN ({marks})",
                                    list(sha256s)).fetchall()
        return {sha: json.loads(text) for sha, text in rows}

    def finish(self, sha256: str, state: str = "done") -> None:
        with self._lock:
            self._db.execute("UPDATE document SET state=? WHERE sha256=?", (state, sha256))

    def progress(self, files: dict[str, int]) -> tuple[int, int]:
        """(pages done, pages in all) over files {sha256: pages}; finished files count as whole."""
        if not files:
            return 0, 0
        marks = ",".join("?" * len(files))
        with self._lock:
            rows = self._db.execute(f"SELECT sha256, done, state FROM document WHERE sha256 IN ({marks})",
                                    list(files)).fetchall()
        state = {sha: (done, st) for sha, done, st in rows}
        done = sum(files[sha] if st != "building" else min(d, files[sha]) for sha, (d, st) in state.items())
        return done, sum(files.values())

    # --- searching ----------------------------------------------------------------------------
    def search(self, query: str, files: dict[str, list[int]], limit: int = 1000) -> list[Hit]:
        """Pages of these files {sha256: [material ids]} containing `query` (case-insensitive)."""
        q = normalize(query)
        if not q or not files:
            return []
        marks = ",".join("?" * len(files))
        if len(q) >= 3:
            phrase = '"' + q.replace('"', '""') + '"'
            sql = (f"SELECT p.sha256, p.page, p.text, p.source FROM page_fts JOIN page_text p ON p.id = page_fts.rowid "
                   f"WHERE page_fts MATCH ? AND p.sha256 IN ({marks}) ORDER BY p.sha256, p.page, p.source LIMIT ?")
            params = [phrase, *files, limit]
        else:
            column = "lower(text)" if q.isascii() else "text"
            needle = q.lower() if q.isascii() else q
            sql = (f"SELECT sha256, page, text, source FROM page_text WHERE sha256 IN ({marks}) AND instr({column}, ?) > 0 "
                   f"ORDER BY sha256, page, source LIMIT ?")
            params = [*files, needle, limit]
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        hits = []
        for sha, page, text, source in rows:
            snippet, count = _snippet(text, q)
            rects: tuple = ()
            if source == TextSource.OCR:
                _, boxes = self.ocr_text(sha, page)
                rects = tuple(rects_of(text, boxes, q))
            hits.extend(Hit(material_id, page, snippet, count, rects, TextSource(source)) for material_id in files[sha])
        return hits

    # --- OCR ----------------------------------------------------------------------------------
    def ocr_todo(self, sha256: str, engine: str) -> list[int]:
        """Pages of a file whose text layer is too thin to search and that this engine has not
        read yet (neither done nor failed)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT t.page FROM page_text t WHERE t.sha256=? AND t.source='text' "
                "AND length(replace(t.text, ' ', '')) < ? AND NOT EXISTS (SELECT 1 FROM ocr_page o "
                "WHERE o.sha256=t.sha256 AND o.page=t.page AND o.engine=?) ORDER BY t.page",
                (sha256, MIN_TEXT_CHARS, engine)).fetchall()
        return [r[0] for r in rows]

    def ocr_scans(self, sha256: str) -> int:
        """Pages of a file that need OCR (with any engine)."""
        with self._lock:
            return self._db.execute("SELECT count(*) FROM page_text WHERE sha256=? AND source='text' "
                                    "AND length(replace(text, ' ', '')) < ?", (sha256, MIN_TEXT_CHARS)).fetchone()[0]

    def add_ocr(self, sha256: str, page: int, engine: str, text: str, boxes: list, rotation: int,
                confidence: float | None) -> None:
        """One OCRed page: its searchable text and its outcome, in one transaction (replacing what
        an older engine read)."""
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                self._drop_ocr_text(sha256, page)
                cursor = db.execute("INSERT INTO page_text (sha256, page, text, source) VALUES (?, ?, ?, 'ocr')",
                                    (sha256, page, text))
                db.execute("INSERT INTO page_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, text))
                db.execute("DELETE FROM ocr_page WHERE sha256=? AND page=?", (sha256, page))
                db.execute("INSERT INTO ocr_page (sha256, page, engine, state, rotation, confidence, boxes) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (sha256, page, engine, OcrState.DONE.value, rotation, confidence, json.dumps(boxes)))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def ocr_failed(self, sha256: str, page: int, engine: str, reason: str, detail: str = "") -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO ocr_page (sha256, page, engine, state, reason, detail) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (sha256, page, engine, OcrState.FAILED.value, str(reason), detail))

    def _drop_ocr_text(self, sha256: str, page: int) -> None:
        row = self._db.execute("SELECT id, text FROM page_text WHERE sha256=? AND page=? AND source='ocr'",
                               (sha256, page)).fetchone()
        if row is not None:
            self._db.execute("INSERT INTO page_fts (page_fts, rowid, text) VALUES ('delete', ?, ?)", row)
            self._db.execute("DELETE FROM page_text WHERE id=?", (row[0],))

    def ocr_text(self, sha256: str, page: int) -> tuple[str, list]:
        """The OCR text of a page and its per-character boxes ('' and [] when not read)."""
        with self._lock:
            row = self._db.execute(
                "SELECT t.text, o.boxes FROM page_text t JOIN ocr_page o ON o.sha256=t.sha256 AND o.page=t.page "
                "WHERE t.sha256=? AND t.page=? AND t.source='ocr' AND o.state='done'", (sha256, page)).fetchone()
        return ("", []) if row is None else (row[0], json.loads(row[1] or "[]"))

    def ocr_pages(self, sha256: str) -> dict[int, tuple[str, str | None, int]]:
        """Per page read so far: (state, failure reason, detected rotation)."""
        with self._lock:
            rows = self._db.execute("SELECT page, state, reason, rotation FROM ocr_page WHERE sha256=?", (sha256,)).fetchall()
        return {page: (state, reason, rotation) for page, state, reason, rotation in rows}

    def ocr_rotation(self, sha256: str, page: int) -> int | None:
        """Degrees clockwise that show a read scan upright (of the unrotated page); None if not read."""
        with self._lock:
            row = self._db.execute("SELECT rotation FROM ocr_page WHERE sha256=? AND page=? AND state=? LIMIT 1",
                                   (sha256, page, OcrState.DONE.value)).fetchone()
        return None if row is None else int(row[0])

    def ocr_counts(self, sha256: str, engine: str) -> OcrCounts:
        with self._lock:
            rows = dict(self._db.execute("SELECT state, count(*) FROM ocr_page WHERE sha256=? AND engine=? GROUP BY state",
                                         (sha256, engine)).fetchall())
        done, failed = rows.get(OcrState.DONE.value, 0), rows.get(OcrState.FAILED.value, 0)
        return OcrCounts(done, failed, max(0, self.ocr_scans(sha256) - done - failed))
