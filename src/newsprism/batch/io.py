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
import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def read_stamp(part: Path) -> ShardStamp | None:
    """The stamp an articles part carries; None for a part written before stamps existed."""
    import pyarrow.parquet as pq

    return stamp_in(pq.read_schema(part).metadata)


def stamp_in(metadata: Mapping[bytes, bytes] | None) -> ShardStamp | None:
    """The stamp in an articles part's schema metadata, if any."""
    raw = (metadata or {}).get(STAMP_KEY)
    return None if raw is None else ShardStamp.from_json(raw)


def list_shards(path: str | Path) -> list[Path]:
    """The input shards: one file, or the ``.jsonl``/``.ndjson``/``.parquet`` files of a folder, sorted."""
    root = Path(path)
    if root.is_file():
        if root.suffix.lower() not in SHARD_SUFFIXES:
            raise UsageError(f"{root} is not a JSON lines or Parquet file; give .jsonl, .ndjson or .parquet")
        return [root]
    if not root.is_dir():
        raise UsageError(f"input {root} does not exist; give a .jsonl/.parquet file or a folder of them")
    shards = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SHARD_SUFFIXES)
    if not shards:
        raise UsageError(f"no .jsonl, .ndjson or .parquet files in {root}; nothing to process")
    return shards


def shard_key(path: Path, root: Path) -> str:
    """A stable output name for a shard: readable stem plus a hash of its path under the input root."""
    rel = path.relative_to(root).as_posix() if path != root else path.name
    digest = hashlib.sha256(rel.encode()).hexdigest()[:10]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in path.stem)[:40]
    return f"{stem}-{digest}"


def read_records(path: Path) -> list[dict[str, Any]]:
    """Raw article objects of one shard; a line that is not a JSON object becomes an error record.

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
        with path.open(encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, start=1):
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
    rows: Sequence[Mapping[str, Any]],
    schema: pa.Schema | None,
    *,
    row_group_size: int | None = None,
) -> None:
    """Write rows as one Parquet file via a temporary name and an atomic rename."""
    import pyarrow as pa
    import pyarrow.parquet as pq

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
