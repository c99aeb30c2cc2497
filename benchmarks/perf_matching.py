"""Place-name matching sections of ``run.py``: the spaCy peer, growth with gazetteer and text size.

**Peer.** spaCy's ``PhraseMatcher`` over ``spacy.blank("ar")`` gets exactly our gazetteer's names
(every pattern of the compiled automaton, written with its article when it has one) and exactly
the texts our matcher sees: the *match keys* of the articles (normalised by our own normaliser,
so spelling folds are the same for both).  ``attr="LOWER"``: the key is already case- and
spelling-folded, so LOWER is the key's own token text; NORM would add spaCy's norm exceptions,
which Arabic does not have, at the same cost.  spaCy does not split Arabic proclitics
("بالحسكة" stays one token), so it finds fewer names than ours; both counts are reported.  Times
are text in, non-overlapping spans out: for spaCy ``make_doc`` + matcher + ``filter_spans``
(ours resolves overlaps too); the matcher alone on pre-tokenised docs is reported beside it.

**Growth.** Each gazetteer size is built in its own process (so its memory is its own): the
embedded names first (in a fixed shuffled order), then synthetic names shaped like a big
gazetteer's (a head word such as تل / Khirbet, a real name, sometimes a qualifier) up to
1,000,000.  Matching time is O(text + hits): the raw automaton hits are reported beside it.  Text growth codes one article of 1 KB to 1 MB made
of real paragraphs; slopes are least-squares fits of log(time) on log(size): 1.0 is linear.
"""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

from perf_corpus import peak_rss_mb, replicate, rss_mb


def _timed(fn, min_time: float = 0.3, repeat: int = 3) -> float:
    """Best-of-``repeat`` seconds per call, each measure looping until ``min_time`` has passed."""
    best = math.inf
    for _ in range(repeat):
        n, t0 = 0, time.perf_counter()
        while True:
            fn()
            n += 1
            dt = time.perf_counter() - t0
            if dt >= min_time:
                break
        best = min(best, dt / n)
    return best


def slope(xs: list[float], ys: list[float]) -> float:
    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-12)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    den = sum((a - mx) ** 2 for a in lx)
    return round(sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / den, 3) if den else 0.0


def gazetteer_names(gz) -> list[str]:
    """Every name pattern of the gazetteer's automaton (with its article when it has one)."""
    auto = gz.matcher._automaton
    names = set()
    for bare, (_length, variants) in auto.items():
        for variant in variants:
            names.add(("ال" + bare) if variant[0] else bare)
    return sorted(names)


def keys_of(records: list[dict]) -> list[str]:
    from events.text import normalize

    return [normalize(a.text).key for a in replicate(records, len(records))]


# ----------------------------------------------------------------------------- peer
def peer(records: list[dict]) -> dict:
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.util import filter_spans
    except ImportError:
        return {"skipped": "spaCy is not installed (pip install -e '.[bench]')"}
    from events.pipeline import default_resources

    gz = default_resources().gazetteer
    names = gazetteer_names(gz)
    keys = keys_of(records)
    mb = sum(len(k.encode("utf-8")) for k in keys) / 1e6
    nlp = spacy.blank("ar")
    rss0 = rss_mb()
    t0 = time.perf_counter()
    pm = PhraseMatcher(nlp.vocab, attr="LOWER")
    for i in range(0, len(names), 10_000):
        pm.add("PLACE", list(nlp.tokenizer.pipe(names[i:i + 10_000])))
    build_s = time.perf_counter() - t0
    spacy_mb = rss_mb() - rss0
    docs = [nlp.make_doc(k) for k in keys]

    def ours():
        return [gz.matcher.find(k, ["place"]) for k in keys]

    def theirs():
        return [filter_spans(pm(nlp.make_doc(k), as_spans=True)) for k in keys]

    def theirs_matcher_only():
        return [pm(d) for d in docs]

    t_ours, t_spacy, t_spacy_m = _timed(ours), _timed(theirs), _timed(theirs_matcher_only)
    n_ours = sum(len(x) for x in ours())
    n_spacy = sum(len(x) for x in theirs())
    return {
        "spacy": spacy.__version__, "names": len(names), "texts": len(keys), "mb": round(mb, 3),
        "attr": "LOWER", "spacy_build_s": round(build_s, 2), "spacy_patterns_rss_mb": round(spacy_mb, 1),
        "ours_ms": round(1000 * t_ours, 2), "spacy_ms": round(1000 * t_spacy, 2),
        "spacy_matcher_only_ms": round(1000 * t_spacy_m, 2),
        "ours_mb_per_s": round(mb / t_ours, 2), "spacy_mb_per_s": round(mb / t_spacy, 2),
        "ratio": round(t_spacy / t_ours, 2), "ratio_matcher_only": round(t_spacy_m / t_ours, 2),
        "matches_ours": n_ours, "matches_spacy": n_spacy,
    }


# ----------------------------------------------------------------------------- growth: gazetteer size
AR_HEADS = ["تل", "عين", "دير", "كفر", "بئر", "خربة", "جبل", "وادي", "حي", "مزرعة", "قرية", "سد", "تلة", "رأس"]
AR_TAILS = ["", "", "", "الشرقي", "الغربي", "الكبير", "الصغير", "الجديدة", "الفوقاني", "التحتاني", "الشمالية"]
EN_HEADS = ["Tell", "Ain", "Deir", "Kafr", "Bir", "Khirbet", "Jabal", "Wadi", "Hay", "Mazraat", "Qaryat", "Ras"]
EN_TAILS = ["", "", "", "al-Sharqi", "al-Gharbi", "al-Kabir", "al-Saghir", "al-Jadida", "Fawqani", "Tahtani"]


def synthetic_names(n: int, base: list[str], seed: int = 11) -> list[str]:
    """Names shaped like a big gazetteer's: a head word, a real name, sometimes a qualifier
    ("تل X الشرقي", "Khirbet X", "Ain X al-Kabir"); rarely in running text, as most names are."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        name = rnd.choice(base)
        if any("\u0600" <= c <= "\u06ff" for c in name):
            out.append(" ".join(w for w in (rnd.choice(AR_HEADS), name, rnd.choice(AR_TAILS)) if w))
        else:
            out.append(" ".join(w for w in (rnd.choice(EN_HEADS), name.title(), rnd.choice(EN_TAILS)) if w))
    return out


def write_names(path: Path) -> int:
    from events.pipeline import default_resources

    names = gazetteer_names(default_resources().gazetteer)
    random.Random(5).shuffle(names)
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return len(names)


def child_growth_gazetteer(names_file: str, size: int, records: list[dict]) -> dict:
    """Build a matcher of ``size`` names (embedded first, then synthetic) and time it on real text."""
    from events.text import Matcher

    keys = keys_of(records)
    mb = sum(len(k.encode("utf-8")) for k in keys) / 1e6
    embedded = [n for n in Path(names_file).read_text(encoding="utf-8").splitlines() if n]
    names = embedded[:size]
    names += synthetic_names(size - len(names), embedded)
    rss0 = rss_mb()
    t0 = time.perf_counter()
    m = Matcher()
    for i, name in enumerate(names):
        m.add(name, "place", i)
    m.compile()
    build_s = time.perf_counter() - t0
    del names, embedded
    rss1 = rss_mb()
    t = _timed(lambda: [m.find(k, ["place"]) for k in keys])
    found = sum(len(m.find(k, ["place"])) for k in keys)
    raw = sum(1 for k in keys for _ in m._automaton.iter(k))
    return {"names": size, "patterns": len(m), "build_s": round(build_s, 2), "rss_delta_mb": round(rss1 - rss0, 1),
            "peak_rss_mb": peak_rss_mb(), "match_ms": round(1000 * t, 2), "mb_per_s": round(mb / t, 2),
            "raw_hits": raw, "matches": found, "us_per_raw_hit": round(1e6 * t / max(raw, 1), 3)}


# ----------------------------------------------------------------------------- growth: text size
def article_of_size(records: list[dict], size: int) -> dict:
    """One article of about ``size`` UTF-8 bytes made of real paragraphs (cut at a line end)."""
    lines = [ln for r in records for ln in r["text"].split("\n") if ln.strip()]
    out, n, i = [], 0, 0
    while n < size:
        ln = lines[i % len(lines)]
        out.append(ln)
        n += len(ln.encode("utf-8")) + 1
        i += 1
    text = "\n".join(out)
    raw = text.encode("utf-8")[:size].decode("utf-8", "ignore")
    text = raw[: raw.rfind("\n")] if "\n" in raw else raw
    base = dict(records[0])
    base.update(text=text, id=f"grow-{size}")
    return base


def text_growth(records: list[dict], sizes: list[int], budget_s: float = 60.0) -> dict:
    import tracemalloc

    from events.model import Article
    from events.pipeline import default_resources, extract_article
    from events.text import normalize

    res = default_resources()
    gz = res.gazetteer
    rows = []
    for size in sizes:
        rec = article_of_size(records, size)
        nbytes = len(rec["text"].encode("utf-8"))
        key = normalize(rec["text"]).key
        t_match = _timed(lambda key=key: gz.matcher.find(key, ["place"]), min_time=0.2)
        art = Article(**rec)
        if rows and rows[-1]["pipeline_ms"] / 1000 * nbytes / rows[-1]["bytes"] > budget_s:
            rows.append({"bytes": nbytes, "match_ms": round(1000 * t_match, 3), "pipeline_ms": None,
                         "abandoned": f"even a linear extrapolation from the previous size exceeds {budget_s} s"})
            break
        t0 = time.perf_counter()
        extract_article(art, res, timestamp=0)
        first = time.perf_counter() - t0
        if first > budget_s:  # superlinear: bigger articles would not finish in reasonable time
            rows.append({"bytes": nbytes, "match_ms": round(1000 * t_match, 3), "pipeline_ms": round(1000 * first, 2),
                         "pipeline_us_per_kb": round(1e6 * first / (nbytes / 1024), 1), "abandoned": True})
            break
        t_pipe = min(first, _timed(lambda art=art: extract_article(art, res, timestamp=0), min_time=0.5, repeat=2))
        tracemalloc.start()
        extract_article(art, res, timestamp=0)
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append({"bytes": nbytes, "match_ms": round(1000 * t_match, 3), "pipeline_ms": round(1000 * t_pipe, 2),
                     "pipeline_us_per_kb": round(1e6 * t_pipe / (nbytes / 1024), 1),
                     "pipeline_peak_alloc_mb": round(peak / 1e6, 2)})
    done = [r for r in rows if not r.get("abandoned")]
    xs = [r["bytes"] for r in rows]
    timed = [r for r in rows if r["pipeline_ms"] is not None]
    return {"rows": rows, "match_slope": slope(xs, [r["match_ms"] for r in rows]),
            "pipeline_slope": slope([r["bytes"] for r in timed], [r["pipeline_ms"] for r in timed]),
            "memory_slope": slope([r["bytes"] for r in done], [r["pipeline_peak_alloc_mb"] for r in done])
            if len(done) > 1 else None,
            "abandoned_over_s": budget_s if len(done) < len(rows) else None}
