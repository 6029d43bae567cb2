"""Contradiction detection on real same-story sentence pairs with injected, controlled contradictions.

Pairs: MSRP paraphrase pairs (label 1: two outlets, same fact) and claim pairs mined from NeuS/AllSides
clusters (two articles of one story, MiniLM cosine >= 0.75). Into side B of a pair we inject one
contradiction of a kind (a number changed well beyond its tolerance, a date shifted, a name swapped for
another of the same type, the main verb negated) when the pair offers a value to change that side A
shares; the unaltered pairs are the negatives. The lens's core, ``compare_views``, then judges each
pair. Precision of kind k = pairs flagged k that were injected with k / all pairs flagged k (over the
whole pool); recall = injected-k pairs flagged k; false alarms = unaltered pairs with any flag.

Baseline in the same run: surface differences (digit tokens, weekday/month/year words, capitalised
words, negation words) between the two sentences. MSRP pairs are split by id hash into the half the lens
was tuned on ("dev") and the half it was not ("held-out"). Usage:

    python benchmarks/contradictions_inject.py [--data ../shared/data] [--seed 13] [--per-kind 300]
        [--cache /tmp/issue6/cache] [--dump errors.jsonl]
    # tuning set for NeuS, apart from the reported stories:
    python benchmarks/contradictions_inject.py --only neus --neus-from 1200 --neus-clusters 2400
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.lenses.contradictions import SentenceView, compare_views, view_of
from newsprism.lenses.dates import extract_dates, same_time
from newsprism.lenses.quantities import comparable, compatible, extract_quantities
from newsprism.model import Article, Source
from newsprism.normalise.text import normalise_line

KINDS = ("number", "date", "entity", "negation")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
SPELLED = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


@dataclass
class Pair:
    origin: str  # "msrp-dev", "msrp-held-out", "neus"
    a: str
    b: str


@dataclass
class Case:
    pair: Pair
    kind: str  # injected kind or "none"
    b: str  # side B as judged (edited or not)
    edit: str = ""


# --------------------------------------------------------------------------- data


def msrp_pairs(data: Path) -> list[Pair]:
    out = []
    with (data / "msrp" / "msr_paraphrase_train.txt").open(encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5 or parts[0] != "1":
                continue
            half = int(hashlib.sha256((parts[1] + parts[2]).encode()).hexdigest(), 16) % 2
            out.append(Pair("msrp-dev" if half == 0 else "msrp-held-out", parts[3], parts[4]))
    return out


def neus_pairs(
    data: Path, limit: int, clusters_max: int, embed: Callable[[list[str]], object], skip: int = 0
) -> list[Pair]:
    """Cross-article sentence pairs of one NeuS story (val, then train) whose MiniLM cosine is >= 0.75.

    ``skip`` leaves out the first stories: ``--neus-from 1200`` gives a tuning set that shares no story
    with the reported one (the first 1,200)."""
    import numpy as np

    root = data / "neus_allsides"
    clusters = [*(root / "val.source").read_text(encoding="utf-8").splitlines(),
                *(root / "train.source").read_text(encoding="utf-8").splitlines()]  # fmt: skip
    clusters = clusters[skip:clusters_max]
    sents: list[tuple[int, int, str]] = []
    for ci, line in enumerate(clusters):
        for ai, art in enumerate(line.split(" [SEP] ")):
            body = art.split("ARTICLE=>", 1)[-1]
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", body):
                s = s.strip()
                if 8 <= len(s.split()) <= 45 and not s.startswith(("“", '"')):
                    sents.append((ci, ai, s))
    vecs = np.asarray(embed([s for _, _, s in sents]))
    out: list[Pair] = []
    by_cluster: dict[int, list[int]] = {}
    for i, (ci, _, _) in enumerate(sents):
        by_cluster.setdefault(ci, []).append(i)
    for idx in by_cluster.values():
        sims = vecs[idx] @ vecs[idx].T
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                if sents[i][1] != sents[j][1] and 0.75 <= sims[x, y] < 0.98:
                    out.append(Pair("neus", sents[i][2], sents[j][2]))
    return out[:limit]


class Parser:
    """Segments plain sentences with the project's Segmenter and caches the parses (on disk with a path)."""

    def __init__(self, path: Path | None = None) -> None:
        self._segmenter: object | None = None
        self.path = path
        self.cache: dict[str, Source] = {}
        if path is not None and path.is_file():
            with path.open("rb") as fh:
                self.cache = pickle.load(fh)

    @property
    def segmenter(self) -> Any:
        if self._segmenter is None:
            from newsprism.segment import Segmenter

            self._segmenter = Segmenter()
        return self._segmenter

    def save(self) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(self.cache, fh)
            tmp.replace(self.path)  # atomic: a second run reading the cache never sees half a file

    def parse(self, texts: Sequence[str]) -> None:
        todo = sorted({t for t in texts if t not in self.cache})
        if not todo:
            return
        arts = [(Article(id=str(i), text=t), f"s{i}") for i, t in enumerate(todo)]
        for t, src in zip(todo, self.segmenter.pipe(arts), strict=True):
            self.cache[t] = src

    def view(self, text: str, outlet: str) -> SentenceView:
        src = self.cache[text]
        v = view_of(src, 0, len(text))
        return SentenceView(outlet, outlet, "", v.start, v.text, v.published, v.quantities, v.dates,
                            v.names, v.polarity, v.words)  # fmt: skip


# --------------------------------------------------------------------------- injections


def _fmt_like(old: str, value: float) -> str:
    decimals = len(old.split(".")[1]) if "." in old else 0
    text = f"{value:,.{decimals}f}" if "," in old else f"{value:.{decimals}f}"
    return text


def inject_number(a: str, b: str, rng: random.Random) -> tuple[str, str] | None:
    qa, qb = extract_quantities(a), extract_quantities(b)
    shared = [
        y
        for y in qb
        if any(comparable(x, y) and compatible(x, y) for x in qa)
        and not re.search(r"\d\s*(?:-|to|and)\s*\$?\d", y.text)
    ]  # ranges: changing one end is no test
    rng.shuffle(shared)
    for y in shared:
        m = re.search(r"\d[\d,]*(?:\.\d+)?", y.text)
        words = re.findall(r"[A-Za-z]+", y.text)
        word = None if m else next((w for w in words if w.lower() in SPELLED), None)
        if m:
            old = m.group()
            value = float(old.replace(",", ""))
            if value == 0:
                continue
            factor = rng.uniform(1.6, 3.5) if rng.random() < 0.6 else rng.uniform(0.2, 0.6)
            new_value = value * factor
            if "." not in old:
                new_value = float(max(1, round(new_value)))
            new = _fmt_like(old, new_value)
            if new == old:
                continue
            at = y.start + m.start()
            edited = b[:at] + new + b[at + len(old) :]
        elif word:
            value = SPELLED[word.lower()]
            options = [w for w, v in SPELLED.items() if v >= value * 1.6 or v <= value * 0.6]
            if not options:
                continue
            new = rng.choice(options)
            at = y.start + y.text.find(word)
            edited = b[:at] + new + b[at + len(word) :]
            old = word
        else:
            continue
        changed = [q for q in extract_quantities(edited) if q.start <= at < q.end]
        if changed and not any(comparable(x, changed[0]) and compatible(x, changed[0]) for x in qa):
            return edited, f"{old} -> {new}"
    return None


def inject_date(a: str, b: str, rng: random.Random) -> tuple[str, str] | None:
    da, db = extract_dates(a), extract_dates(b)
    shared = [y for y in db if not y.offset and any(same_time(x, y) for x in da)]
    rng.shuffle(shared)
    for y in shared:
        text = y.text
        new = None
        wd = next((w for w in WEEKDAYS if w in text), None)
        mo = next((m for m in MONTHS if re.search(rf"\b{m[:3]}", text)), None)
        day = re.search(r"\b([0-3]?\d)\b", text)
        year = re.search(r"\b(19|20)\d\d\b", text)
        if wd:
            new = text.replace(wd, rng.choice([w for w in WEEKDAYS if w != wd]))
        elif day and mo:
            d = int(day.group(1))
            nd = rng.choice([x for x in range(max(1, d - 6), min(28, d + 6) + 1) if x != d])
            new = text[: day.start()] + str(nd) + text[day.end() :]
        elif mo and not year:
            word = re.search(rf"\b{mo[:3]}\w*", text)
            assert word is not None
            new = text[: word.start()] + rng.choice([m for m in MONTHS if m != mo]) + text[word.end() :]
        elif year:
            ny = int(year.group()) + rng.choice([-3, -2, -1, 1, 2, 3])
            new = text[: year.start()] + str(ny) + text[year.end() :]
        if new is None or new == text:
            continue
        edited = b[: y.start] + new + b[y.end :]
        moved = [d for d in extract_dates(edited) if d.start == y.start]
        if (
            moved
            and not any(same_time(x, moved[0]) for x in da)
            and any(same_time(x, moved[0]) is False for x in da)
        ):
            return edited, f"{text} -> {new}"
    return None


def inject_entity(a: str, b: str, vb: SentenceView, pool: dict[str, list[str]], rng: random.Random
                  ) -> tuple[str, str] | None:  # fmt: skip
    names = [n for n in vb.names if n.label in pool and n.text in a and len(n.text) > 2]
    rng.shuffle(names)
    for n in names:
        options = [p for p in pool[n.label] if p not in a and p not in b and p.split()[-1] not in n.text]
        if not options:
            continue
        new = rng.choice(options)
        return b[: n.start] + new + b[n.end :], f"{n.text} -> {new}"
    return None


def inject_negation(b: str, src: Source) -> tuple[str, str] | None:
    toks = [t for t in src.tokens if t.end <= len(b)]
    root = next((t for t in toks if t.dep == "ROOT"), None)
    if root is None or root.pos not in ("VERB", "AUX"):
        return None
    kids = [t for t in toks if t.head == root.i and t.i != root.i]
    if any(k.dep == "neg" for k in kids) or re.search(r"\b(not|never|no)\b|n't", b):
        return None
    aux = [k for k in kids if k.dep in ("aux", "auxpass") and k.i < root.i]
    if aux:
        t = aux[0]
        return b[: t.end] + " not" + b[t.end :], f"{t.text} -> {t.text} not"
    if root.pos == "AUX":
        return b[: root.end] + " not" + b[root.end :], f"{root.text} -> {root.text} not"
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag)
    if do is None:
        return None
    new = f"{do} not {root.lemma}"
    return b[: root.start] + new + b[root.end :], f"{root.text} -> {new}"


# --------------------------------------------------------------------------- baseline


_NEG = re.compile(r"\b(?:not|never|no)\b|n't", re.I)
_DATEW = re.compile(r"\b(?:{})\b|\b(?:19|20)\d\d\b".format("|".join(WEEKDAYS + MONTHS)))


def baseline(a: str, b: str) -> set[str]:
    """Surface differences: what a naive diff of the two sentences would call a contradiction."""
    flags = set()
    nums = re.compile(r"\d[\d,.]*")
    if Counter(nums.findall(a)) != Counter(nums.findall(b)) and nums.search(a) and nums.search(b):
        flags.add("number")
    da, db = set(_DATEW.findall(a)), set(_DATEW.findall(b))
    if da and db and da != db:
        flags.add("date")
    caps = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
    if set(caps.findall(a)) ^ set(caps.findall(b)):
        flags.add("entity")
    if bool(_NEG.search(a)) != bool(_NEG.search(b)):
        flags.add("negation")
    return flags


# --------------------------------------------------------------------------- run


def build_cases(pairs: list[Pair], parser: Parser, per_kind: int, rng: random.Random) -> list[Case]:
    # the lens reads text as ingest leaves it: quotes, dashes and invisible characters unified
    pairs = [Pair(p.origin, normalise_line(p.a), normalise_line(p.b)) for p in pairs]
    texts = [t for p in pairs for t in (p.a, p.b)]
    parser.parse(texts)
    pool: dict[str, list[str]] = {}
    for src in (parser.cache[t] for t in dict.fromkeys(texts)):  # these pairs only, whatever is cached
        for e in src.entities:
            if e.label in ("PERSON", "GPE", "ORG") and 3 <= len(e.text) <= 30 and e.text[0].isupper():
                pool.setdefault(e.label, []).append(e.text)
    pool = {k: sorted(set(v)) for k, v in pool.items()}
    cases = [Case(p, "none", p.b) for p in pairs]
    for kind in KINDS:
        order = list(range(len(pairs)))
        rng.shuffle(order)
        made = 0
        for i in order:
            if made >= per_kind:
                break
            p = pairs[i]
            if kind == "number":
                res = inject_number(p.a, p.b, rng)
            elif kind == "date":
                res = inject_date(p.a, p.b, rng)
            elif kind == "entity":
                res = inject_entity(p.a, p.b, parser.view(p.b, "B"), pool, rng)
            else:
                res = inject_negation(p.b, parser.cache[p.b])
            if res is not None:
                cases.append(Case(p, kind, res[0], res[1]))
                made += 1
    parser.parse([c.b for c in cases])
    return cases


def score(
    cases: list[Case], judge: Callable[[Case], set[str]], real: dict[str, set[str]] | None = None
) -> dict[str, dict[str, float]]:
    """Per kind: recall; pooled precision (every unaltered pair and every other injection can be a false
    alarm); paired precision (the injected pairs against their own unaltered versions only).

    With ``real`` (pair key -> kinds in which both annotators found the unaltered sentences disagree),
    also the adjudicated figures: a flag of kind k on such a pair, or on another kind's injection into
    it when the unaltered pair carries the same flag, is set aside as neither a hit nor a false alarm.
    """
    flagged = [judge(c) for c in cases]
    original = {id(c.pair): f for c, f in zip(cases, flagged, strict=True) if c.kind == "none"}
    real = real or {}

    def natural(c: Case, k: str) -> bool:
        return k in real.get(pair_key(c.pair), set()) and k in original[id(c.pair)]

    out: dict[str, dict[str, float]] = {}
    for k in KINDS:
        tp = sum(1 for c, f in zip(cases, flagged, strict=True) if c.kind == k and k in f)
        fps = [c for c, f in zip(cases, flagged, strict=True) if c.kind != k and k in f]
        fp_paired = sum(1 for c in cases if c.kind == k and k in original[id(c.pair)])
        fp_adj = sum(1 for c in fps if not natural(c, k))
        n = sum(1 for c in cases if c.kind == k)
        out[k] = {
            "n": n,
            "precision": tp / (tp + len(fps)) if tp + len(fps) else 0.0,
            "paired_precision": tp / (tp + fp_paired) if tp + fp_paired else 0.0,
            "adjudicated_precision": tp / (tp + fp_adj) if tp + fp_adj else 0.0,
            "recall": tp / n if n else 0.0,
        }
    neg = [(c, f) for c, f in zip(cases, flagged, strict=True) if c.kind == "none"]
    n_neg = max(1, len(neg))
    out["unaltered"] = {
        "n": len(neg),
        "false_alarm": sum(1 for _, f in neg if f) / n_neg,
        "adjudicated_false_alarm": sum(1 for c, f in neg if f - real.get(pair_key(c.pair), set())) / n_neg,
    }
    for k in KINDS:
        out["unaltered"][k] = sum(1 for _, f in neg if k in f) / n_neg
    return out


ADJUDICATION = Path(__file__).resolve().parent / "contradictions_adjudication.json"
ADJUDICATION_ABOUT = (
    "Verdicts of two annotators who judged, blind to the lens and to each other, whether the two sentences "
    "of an unaltered benchmark pair really disagree (kinds in which they cannot both be true). Keys: "
    "pair_key() of contradictions_inject.py, a hash of the two sentences; no text is kept. Protocol: "
    "contradictions_adjudication_guide.md. A kind counts as real only when every annotator names it."
)


def load_adjudication(path: Path) -> tuple[dict[str, set[str]], set[str]]:
    """Kinds both annotators found real per pair key, and every key they judged."""
    if not path.is_file():
        return {}, set()
    verdicts = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    real = {key: set.intersection(*(set(v) for v in who.values())) for key, who in verdicts.items()}
    return real, set(verdicts)


def merge_verdicts(files: list[Path], out: Path) -> int:
    """Keep each annotator's kinds per pair (no text), added to what the file holds; report agreement of
    two annotators on whether a pair disagrees at all."""
    doc: dict[str, Any] = (
        json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {"about": ADJUDICATION_ABOUT}
    )
    pairs: dict[str, dict[str, list[str]]] = doc.setdefault("pairs", {})
    for n, path in enumerate(files, 1):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            bad = set(row["kinds"]) - set(KINDS)
            if bad:
                print(f"{path}: unknown kinds {sorted(bad)} for {row['id']}", file=sys.stderr)
                return 2
            pairs.setdefault(row["id"], {})[f"annotator{n}"] = sorted(set(row["kinds"]))
    both = [v for v in pairs.values() if len(v) == 2]
    yes = [(bool(v["annotator1"]), bool(v["annotator2"])) for v in both]
    agree = sum(x == y for x, y in yes) / max(1, len(yes))
    r1, r2 = (sum(y[i] for y in yes) / max(1, len(yes)) for i in (0, 1))
    chance = r1 * r2 + (1 - r1) * (1 - r2)
    kappa = (agree - chance) / (1 - chance) if chance < 1 else 1.0
    out.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs in {out}; any-disagreement agreement {agree:.3f}, Cohen's kappa {kappa:.3f}")
    return 0


def pair_key(p: Pair) -> str:
    """Names a pair in the adjudication file without holding its text (the data may not ship)."""
    return hashlib.sha1(f"{p.a}\n{p.b}".encode()).hexdigest()[:16]


def report(name: str, res: dict[str, dict[str, float]], adjudicated: bool = False) -> None:
    for k in KINDS:
        r = res[k]
        adj = f"  adjudicated {r['adjudicated_precision']:.3f}" if adjudicated else ""
        print(f"  {name:9s} {k:9s} n={r['n']:4.0f}  recall {r['recall']:.3f}  paired precision "
              f"{r['paired_precision']:.3f}  pooled precision {r['precision']:.3f}{adj}")  # fmt: skip
    u = res["unaltered"]
    kinds = ", ".join(f"{k} {u[k]:.3f}" for k in KINDS)
    adj = f"; adjudicated {u['adjudicated_false_alarm']:.3f}" if adjudicated else ""
    print(f"  {name:9s} unaltered n={u['n']:.0f}  false alarms {u['false_alarm']:.3f} ({kinds}){adj}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-kind", type=int, default=300, help="injected pairs per kind and origin")
    ap.add_argument("--neus", type=int, default=1500, help="at most this many NeuS pairs")
    ap.add_argument("--neus-clusters", type=int, default=1200, help="NeuS stories to mine pairs from")
    ap.add_argument(
        "--neus-from",
        type=int,
        default=0,
        help="skip the first NeuS stories (1200: a tuning set apart from the reported one)",
    )
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--dump", type=Path, help="write every wrong judgement of the lens here (JSON lines)")
    ap.add_argument("--cache", type=Path, help="folder for parses and mined NeuS pairs (reused next run)")
    ap.add_argument("--only", default="", help="run one origin: msrp-dev, msrp-held-out or neus")
    ap.add_argument(
        "--adjudication",
        type=Path,
        default=ADJUDICATION,
        help="annotators' verdicts on flagged unaltered pairs (see the file's 'about')",
    )
    ap.add_argument(
        "--export-sample",
        type=Path,
        help="write the blind sample to adjudicate: every unaltered pair the lens flags and as many it "
        "does not, shuffled, without origin or flags (JSON lines)",
    )
    ap.add_argument(
        "--merge-verdicts",
        type=Path,
        nargs="+",
        metavar="VERDICTS",
        help="each annotator's JSON lines ({id, kinds}) of one sample: write them to --adjudication and stop",
    )
    args = ap.parse_args(argv)
    if args.merge_verdicts:
        return merge_verdicts(args.merge_verdicts, args.adjudication)
    real, labelled = load_adjudication(args.adjudication)
    if not (args.data / "msrp").is_dir():
        print(f"no data at {args.data}; pass --data", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    parser = Parser(args.cache / "parses.pkl" if args.cache else None)
    pairs = msrp_pairs(args.data)
    groups: dict[str, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(p.origin, []).append(p)
    if args.only in ("", "neus"):
        key = f"neus-{args.neus}-{args.neus_from}-{args.neus_clusters}.json"
        cached = args.cache / key if args.cache else None
        if cached is not None and cached.is_file():
            groups["neus"] = [Pair(**p) for p in json.loads(cached.read_text(encoding="utf-8"))]
        else:
            from newsprism.embed import default_embedder
            from newsprism.settings import EmbedSettings

            embedder = default_embedder(EmbedSettings())
            encode = embedder.encode
            groups["neus"] = neus_pairs(args.data, args.neus, args.neus_clusters, encode, args.neus_from)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps([vars(p) for p in groups["neus"]]), encoding="utf-8")
    if args.only:
        groups = {args.only: groups[args.only]}
    print(f"seed {args.seed}; pairs: " + ", ".join(f"{k} {len(v)}" for k, v in groups.items()))

    def lens(c: Case) -> set[str]:
        fs = compare_views(parser.view(c.pair.a, "A"), parser.view(c.b, "B"))
        return {f.kind for f in fs}

    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    sample: list[dict[str, str]] = []
    for origin, ps in groups.items():
        rng = random.Random(f"{args.seed}-{origin}")
        cases = build_cases(ps, parser, args.per_kind, rng)
        parser.save()
        print(origin)
        report("lens", score(cases, lens, real), adjudicated=bool(labelled))
        report("baseline", score(cases, lambda c: baseline(c.pair.a, c.b)))
        flagged = [c.pair for c in cases if c.kind == "none" and lens(c)]
        quiet = [c.pair for c in cases if c.kind == "none" and not lens(c)]
        if labelled:
            missing = sum(1 for p in flagged if pair_key(p) not in labelled)
            judged = [p for p in quiet if pair_key(p) in labelled]
            missed = sum(1 for p in judged if real[pair_key(p)])
            print(f"  adjudicated: {len(flagged) - missing} of {len(flagged)} flagged unaltered pairs "
                  f"({missing} without verdicts count as false alarms); unflagged pairs judged: "
                  f"{len(judged)}, of which both annotators found {missed} disagree")  # fmt: skip
        decoys = random.Random(f"{args.seed}-{origin}-sample").sample(quiet, min(len(quiet), len(flagged)))
        sample += [{"id": pair_key(p), "a": p.a, "b": p.b} for p in flagged + decoys]
        shown = 0
        for c in cases:
            got = lens(c)
            wrong = got - {c.kind} or c.kind not in got | {"none"}
            if dump is not None and wrong:
                found = compare_views(parser.view(c.pair.a, "A"), parser.view(c.b, "B"))
                row = {"origin": origin, "kind": c.kind, "edit": c.edit, "got": sorted(got), "a": c.pair.a,
                       "b": c.b, "why": [f.explanation for f in found]}  # fmt: skip
                dump.write(json.dumps(row) + "\n")
            if args.show_errors:
                bad = bool(got - {c.kind}) if args.show_errors > 0 else c.kind not in got | {"none"}
                if bad and shown < abs(args.show_errors):
                    shown += 1
                    print(f"    [{c.kind} {c.edit}] got {sorted(got)}\n      A: {c.pair.a}\n      B: {c.b}")
    if dump is not None:
        dump.close()
    if args.export_sample:
        random.Random(args.seed).shuffle(sample)
        args.export_sample.write_text("".join(json.dumps(r) + "\n" for r in sample), encoding="utf-8")
        print(f"wrote {len(sample)} pairs to adjudicate to {args.export_sample}")
    print(f"{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
