"""Input shards and crash-safe output files.

Every output file is written under a temporary name in the same folder and renamed into place, so a
worker killed mid-write leaves at most a ``.tmp-*`` file that no reader looks at, never a truncated
Parquet file under its real name. The existence of a part file is therefore the proof that its work is
done, which is all resumability needs.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from newsprism.errors import InputError, UsageError

if TYPE_CHECKING:
    import pyarrow as pa

SHARD_SUFFIXES = (".jsonl", ".ndjson", ".parquet")
TABLES = ("articles", "skipped", "stories", "claims", "quotes", "findings")
#: Parquet schema-metadata key of an articles part: the :class:`ShardStamp` of the shard it was made from.
STAMP_KEY = b"newsprism.shard"


@dataclass(frozen=True, slots=True)
class ShardStamp:
    """What a shard was when its articles part was written: its path, size, modification time and
    content hash.

    Size and time say "unchanged" without reading the file; when they moved, the hash decides, so a copy
    or a ``touch`` (new time, same bytes) is not processed again but an edit or an appended line is.
    Take the stamp before reading the shard: a change made while it is read then shows up next run.
    """

    path: str
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> ShardStamp:
        st = path.stat()
        return cls(str(path.absolute()), st.st_size, st.st_mtime_ns, _sha256(path))

    def matches(self, path: Path) -> bool:
        """Whether ``path`` still holds the bytes this stamp was taken of (hashed only when needed)."""
        st = path.stat()
        if st.st_size != self.size:
            return False
        return st.st_mtime_ns == self.mtime_ns or _sha256(path) == self.sha256

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> ShardStamp:
        data = json.loads(text)
        return cls(str(data["path"]), int(data["size"]), int(data["mtime_ns"]), str(data["sha256"]))


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


@dataclass(frozen=True, slots=True)
class Growth:
    """A JSON lines shard that only grew since its articles part was written: its first ``start``
    bytes (``lines`` lines, ending with a line break) are the bytes that part was made from, and
    ``end`` is its size now. The records after ``start`` are the new ones."""

    start: int
    end: int
    lines: int


_HASH_CHUNK = 1 << 20


def stamp_and_growth(path: Path, old: ShardStamp | None) -> tuple[ShardStamp, Growth | None]:
    """The shard's stamp now and, when it is a JSON lines file that only had lines appended since
    ``old`` was taken, how it grew: in one read of the file, hashing the old prefix on the way.

    Growth is only reported when it is safe to read just the tail: the first ``old.size`` bytes hash
    to ``old.sha256`` (nothing before them was edited) and end with a line break (the last old line
    was complete, so no appended byte continues it)."""
    st = path.stat()
    prefix = old.size if old is not None and st.st_size > old.size > 0 else 0
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        prefix = 0  # a Parquet file cannot grow by appending
    whole, head = hashlib.sha256(), hashlib.sha256()
    lines, last, read = 0, b"", 0
    with path.open("rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            whole.update(chunk)
            if read < prefix:
                part = chunk[: prefix - read]
                head.update(part)
                # line breaks as the text reader counts them: \n, \r\n and a lone \r
                lines += part.count(b"\n") + part.count(b"\r") - part.count(b"\r\n")
                lines -= last == b"\r" and part[:1] == b"\n"
                last = part[-1:]
            read += len(chunk)
    stamp = ShardStamp(str(path.absolute()), read, st.st_mtime_ns, whole.hexdigest())
    if not prefix or old is None or read <= prefix or last != b"\n" or head.hexdigest() != old.sha256:
        return stamp, None
    return stamp, Growth(prefix, read, lines)


def read_stamp(part: Path) -> ShardStamp | None:
    """The stamp an articles part carries; None for a part written before stamps existed."""
    import pyarrow.parquet as pq

    return stamp_in(pq.read_schema(part).metadata)


def stamp_in(metadata: Mapping[bytes, bytes] | None) -> ShardStamp | None:
    """The stamp in an articles part's schema metadata, if any."""
    raw = (metadata or {}).get(STAMP_KEY)
    return None if raw is None else ShardStamp.from_json(raw)


def list_shards(path: str | Path) -> list[Path]:
    """The input shards: one file, or the ``.jsonl``/``.ndjson``/``.parquet`` files of a folder and its
    subfolders, sorted; hidden ones are left out as ``compare`` and ``ingest`` leave them (an editor's or
    a sync tool's ``.part.jsonl``, a ``.ipynb_checkpoints`` copy)."""
    root = Path(path)
    if root.is_file():
        if root.suffix.lower() not in SHARD_SUFFIXES:
            raise UsageError(f"{root} is not a JSON lines or Parquet file; give .jsonl, .ndjson or .parquet")
        return [root]
    if not root.is_dir():
        raise UsageError(f"input {root} does not exist; give a .jsonl/.parquet file or a folder of them")
    shards = sorted(
        p
        for p in root.rglob("*")
        if p.suffix.lower() in SHARD_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.is_file()
    )
    if not shards:
        raise UsageError(f"no .jsonl, .ndjson or .parquet files in {root}; nothing to process")
    return shards


def shard_key(path: Path, root: Path) -> str:
    """A stable output name for a shard: readable stem plus a hash of its path under the input root."""
    rel = path.relative_to(root).as_posix() if path != root else path.name
    digest = hashlib.sha256(rel.encode()).hexdigest()[:10]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in path.stem)[:40]
    return f"{stem}-{digest}"


def read_records(path: Path, growth: Growth | None = None) -> list[dict[str, Any]]:
    """Raw article objects of one shard; a line that is not a JSON object becomes an error record.
    With ``growth``, only those of the lines it added (numbered as in the whole file).

    Raises :class:`InputError` when the shard as a whole cannot be read (a truncated or corrupt Parquet
    file, an unreadable file), so the run skips that shard and goes on with the others.
    """
    if path.suffix.lower() == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
        except (pa.ArrowException, OSError) as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(
                str(path),
                f"cannot be read as Parquet ({detail}); re-export the shard, or move it out of the input",
            ) from exc
        return [_plain_dates(row) for row in rows]
    out: list[dict[str, Any]] = []
    try:
        with path.open("rb") as raw:
            source: BinaryIO = raw
            first = 1
            if growth is not None:
                raw.seek(growth.start)
                source, first = io.BytesIO(raw.read(growth.end - growth.start)), growth.lines + 1
            # what open(path, encoding=..., errors=...) builds: the same lines as a text-mode read
            text = io.TextIOWrapper(source, encoding="utf-8", errors="replace")
            for lineno, line in enumerate(text, start=first):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    out.append({"__error__": f"line {lineno} is not valid JSON ({exc.msg}); fix or drop it"})
                    continue
                if not isinstance(item, dict):
                    out.append(
                        {"__error__": f"line {lineno} is not a JSON object; each line needs one article"}
                    )
                    continue
                out.append(item)
    except OSError as exc:
        raise InputError(
            str(path), f"cannot be read ({exc.strerror or exc}); check that the file is readable"
        ) from exc
    return out


def _plain_dates(row: dict[str, Any]) -> dict[str, Any]:
    """Date and timestamp columns as ISO text, as JSON gives them: the record reader takes dates as text
    and would otherwise drop them, leaving every article of a typed Parquet archive undated."""
    for name, value in row.items():
        if isinstance(value, datetime.date):  # datetime.datetime is a date too
            row[name] = value.isoformat()
    return row


def part_path(out: Path, table: str, key: str) -> Path:
    return out / table / f"{key}.parquet"


def write_table_atomic(
    path: Path,
    rows: Sequence[Mapping[str, Any]] | pa.Table,
    schema: pa.Schema | None,
    *,
    row_group_size: int | None = None,
) -> None:
    """Write rows (or a table, ``schema`` then unused) as one Parquet file via a temporary name and an
    atomic rename."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if isinstance(rows, pa.Table):
        table = rows
    else:
        table = pa.Table.from_pylist(list(rows), schema=schema) if rows or schema else pa.table({})
    with _temporary(path) as tmp:
        pq.write_table(table, tmp, compression="zstd", row_group_size=row_group_size)


def write_text_atomic(path: Path, text: str) -> None:
    with _temporary(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


class _temporary:  # noqa: N801 - used as a context manager, reads like a function
    """A temp file beside ``path``, renamed over it on success and removed on failure."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".tmp-{self.path.name}.", dir=self.path.parent)
        os.close(fd)
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def read_parts(out: Path, table: str, columns: Sequence[str] | None = None) -> pa.Table:
    """Every part file of one output table concatenated in name order (deterministic)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted((out / table).glob("*.parquet"))
    tables = [pq.read_table(p, columns=list(columns) if columns else None) for p in parts]
    tables = [t for t in tables if t.num_columns]
    if not tables:
        return pa.table({})
    return pa.concat_tables(tables, promote_options="default")


def iter_rows(table: pa.Table) -> Iterator[dict[str, Any]]:
    yield from table.to_pylist()
