"""Gazetteer benchmark: resolution accuracy, build and load time, memory, base-layer scope.

    python benchmarks/bench_gazetteer.py            # everything (several minutes), writes
                                                     # benchmarks/results/gazetteer.json
    python benchmarks/bench_gazetteer.py --quick     # accuracy and warm load only
    python benchmarks/bench_gazetteer.py --synthetic 250000   # size of the synthetic world dump

Each measurement runs in its own Python process (``--phase NAME``) so that peak memory
(``ru_maxrss``) belongs to that phase alone.  Caches go to a temporary directory; nothing is
downloaded.  Accuracy uses ``tests/data/geo/eval_places.csv``: for each real place, (a) the top hit
of ``Gazetteer.search(query, country=...)`` and (b) the place ``locate_places`` returns for a
plain sentence ("قتل مدني في X." / "A civilian was killed in X.") without any country hint.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = ROOT / "tests" / "data" / "geo" / "eval_places.csv"
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- phases (run in a child process) --------------------------------------------------------------
def phase_cold(cache: Path) -> dict:
    from events.geo import Gazetteer

    t = time.perf_counter()
    gz = Gazetteer.load(cache_dir=cache, user_layers=False)
    took = time.perf_counter() - t
    return {"cold_build_s": round(took, 2), "peak_rss_mb": round(_rss_mb(), 1), "places": len(gz),
            "names": gz.index.names, "cache_mb": round(gz.cache_path.stat().st_size / 1e6, 1)}


def phase_warm(cache: Path) -> dict:
    t = time.perf_counter()
    from events.geo import Gazetteer

    imported = time.perf_counter() - t
    t = time.perf_counter()
    gz = Gazetteer.load(cache_dir=cache, user_layers=False)
    took = time.perf_counter() - t
    t = time.perf_counter()
    gz.search("دير الزور")
    first_search = time.perf_counter() - t
    return {"warm_load_s": round(took, 3), "import_s": round(imported, 3), "first_search_s": round(first_search, 3),
            "peak_rss_mb": round(_rss_mb(), 1)}


def phase_eval(cache: Path) -> dict:
    from events.geo import Gazetteer

    gz = Gazetteer.load(cache_dir=cache, user_layers=False)
    out = evaluate(gz)
    out["seat_leave_one_out"] = _seat_loo(gz)
    return out


def evaluate(gz) -> dict:
    """Accuracy on eval_places.csv in both modes (search with country; locate without a hint)."""
    from events.geo import locate_places
    from events.geo.admin import distance_km
    from events.mentions.base import prepare
    from events.model import Article

    rows = list(csv.DictReader(EVAL.open(encoding="utf-8")))
    out: dict = {"places": len(rows), "syria": sum(r["country"] == "SY" for r in rows),
                 "iraq": sum(r["country"] == "IQ" for r in rows), "with_admin2": sum(bool(r["admin2"]) for r in rows)}
    misses: dict[str, list] = {"search": [], "locate": []}
    for mode in ("search", "locate"):
        n5 = a1 = a2 = a2n = idhit = 0
        t = time.perf_counter()
        for r in rows:
            if mode == "search":
                hits = gz.search(r["query"], country=r["country"], limit=1)
                place = hits[0].place if hits else None
            else:
                text = f"قتل مدني في {r['query']}." if r["lang"] == "ar" else f"A civilian was killed in {r['query']}."
                located = [lp for lp in locate_places(prepare(Article(id="e", text=text)), gz)
                           if lp.relation not in ("country", "dateline")]
                place = located[0].place if located else None
            if place is None:
                misses[mode].append((r["query"], None))
                if r["admin2"]:
                    a2n += 1
                continue
            d = distance_km(place.lat, place.lon, float(r["lat"]), float(r["lon"]))
            n5 += d <= 5
            idhit += place.id == r["expected_id"]
            a1 += place.admin1 == r["admin1"]
            if r["admin2"]:
                a2n += 1
                a2 += place.admin2 == r["admin2"]
            if d > 5 or place.admin1 != r["admin1"] or (r["admin2"] and place.admin2 != r["admin2"]):
                misses[mode].append((r["query"], place.id, place.admin1, place.admin2, round(d, 1)))
        n = len(rows)
        out[mode] = {"within_5km": round(n5 / n, 3), "right_place": round(idhit / n, 3),
                     "right_admin1": round(a1 / n, 3), "right_admin2": round(a2 / a2n, 3) if a2n else None,
                     "ms_per_place": round(1000 * (time.perf_counter() - t) / n, 2)}
    out["misses"] = misses
    return out


def _seat_loo(gz) -> dict:
    """Nearest-seat admin2 on the Syrian sub-district seats, each seat left out of its own search."""
    table = gz.admin_table
    units = [u for u in table.units.values() if u.country == "SY" and u.level == 3]
    right = 0
    for u in units:
        a1, a2, _a3 = table.names_of(u)
        got = table.assign("SY", u.lat, u.lon, a1, exclude_unit=u.id)
        right += got[1] == a2
    return {"seats": len(units), "right_admin2": round(right / len(units), 3)}


def phase_scope(cache: Path, scope: str) -> dict:
    """Build with a base-layer scope and count places found outside the dev articles' countries."""
    from events.geo import Gazetteer, locate_places
    from events.geo.gazetteer import GazetteerIndex
    from events.geo.index import build_index, fingerprint
    from events.mentions.base import prepare
    from events.model import Article

    t = time.perf_counter()
    idx = build_index(fp=fingerprint() + scope, base_scope=scope)
    took = time.perf_counter() - t
    path = cache / f"scope-{scope}.pkl"
    idx.save(path)
    gz = Gazetteer(GazetteerIndex.load(path))
    res = {"scope": scope, "build_s": round(took, 1), "places": len(idx.rows), "names": idx.names,
           "cache_mb": round(path.stat().st_size / 1e6, 1), "peak_rss_mb": round(_rss_mb(), 1)}
    if (DEV / "articles.jsonl").is_file():
        gold: dict[str, set[str]] = {}
        for line in (DEV / "gold.jsonl").open(encoding="utf-8"):
            g = json.loads(line)
            gold.setdefault(g["article_id"], set()).add({"Syria": "SY", "Iraq": "IQ"}.get(g["country"], ""))
        total = outside = 0
        for line in (DEV / "articles.jsonl").open(encoding="utf-8"):
            a = json.loads(line)
            located = locate_places(prepare(Article(id=a["id"], text=a["text"])), gz)
            named = {lp.place.country_code for lp in located if lp.relation == "country"}
            for lp in located:
                if lp.relation in ("country", "dateline"):
                    continue
                total += 1
                if lp.place.country_code not in gold.get(a["id"], set()) | named:
                    outside += 1
        res["dev_places"] = total
        res["dev_places_outside_article_countries"] = outside
    acc = evaluate(gz)
    res["eval_search"], res["eval_locate"] = acc["search"], acc["locate"]
    return res


def phase_synthetic(cache: Path, n: int) -> dict:
    """A world-size GeoNames dump made up here: import it, build the index with it, load warm."""
    from events.geo import Gazetteer
    from events.geo.importers.geonames import import_geonames

    rng = random.Random(7)
    syll = ["al", "ba", "ka", "ra", "mi", "su", "ta", "zo", "de", "ni", "qa", "sh", "ha", "jo", "lu", "ve", "ro"]
    ar = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    dump = cache / "synthetic_allCountries.txt"
    t = time.perf_counter()
    with dump.open("w", encoding="utf-8") as fh:
        for i in range(n):
            name = "".join(rng.choice(syll) for _ in range(rng.randint(2, 4))).title()
            alt = ",".join(["".join(rng.choice(ar) for _ in range(rng.randint(4, 8))) for _ in range(rng.randint(0, 3))]
                           + [name.upper(), name + "ville"])
            lat, lon = rng.uniform(-60, 70), rng.uniform(-180, 180)
            fh.write(f"{20_000_000 + i}\t{name}\t{name}\t{alt}\t{lat:.5f}\t{lon:.5f}\tP\tPPL\tXX\t\t01\t\t\t\t"
                     f"{rng.randint(0, 50000)}\t\t0\tUTC\t2024-01-01\n")
    made = time.perf_counter() - t
    t = time.perf_counter()
    res = import_geonames(dump, out=cache / "layers" / "synthetic.csv")
    imported = time.perf_counter() - t
    t = time.perf_counter()
    gz = Gazetteer.load(layers=[res.path], cache_dir=cache / "c", user_layers=False)
    built = time.perf_counter() - t
    return {"rows": n, "write_s": round(made, 1), "import_s": round(imported, 1), "cold_build_s": round(built, 1),
            "places": len(gz), "names": gz.index.names, "cache_mb": round(gz.cache_path.stat().st_size / 1e6, 1),
            "peak_rss_mb": round(_rss_mb(), 1)}


def phase_synthetic_warm(cache: Path) -> dict:
    from events.geo import Gazetteer

    layer = cache / "layers" / "synthetic.csv"
    t = time.perf_counter()
    gz = Gazetteer.load(layers=[layer], cache_dir=cache / "c", user_layers=False)
    return {"warm_load_s": round(time.perf_counter() - t, 2), "places": len(gz), "peak_rss_mb": round(_rss_mb(), 1)}


# -- driver ---------------------------------------------------------------------------------------
def _child(phase: str, cache: Path, *extra: str) -> dict:
    cmd = [sys.executable, __file__, "--phase", phase, "--cache", str(cache), *extra]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phase")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--scope", default="default")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--synthetic", type=int, default=250_000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "gazetteer.json")
    args = ap.parse_args()
    if args.phase:
        fn = {"cold": lambda: phase_cold(args.cache), "warm": lambda: phase_warm(args.cache),
              "eval": lambda: phase_eval(args.cache), "scope": lambda: phase_scope(args.cache, args.scope),
              "synthetic": lambda: phase_synthetic(args.cache, args.synthetic),
              "synthetic_warm": lambda: phase_synthetic_warm(args.cache)}[args.phase]
        print(json.dumps(fn(), ensure_ascii=False))
        return 0
    results: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        results["cold"] = _child("cold", cache)
        results["warm"] = [_child("warm", cache) for _ in range(3)]
        results["eval"] = _child("eval", cache)
        if not args.quick:
            results["scope_default"] = _child("scope", cache, "--scope", "default")
            results["scope_world500"] = _child("scope", cache, "--scope", "world500")
            results["synthetic"] = _child("synthetic", cache, "--synthetic", str(args.synthetic))
            results["synthetic_warm"] = _child("synthetic_warm", cache)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {k: v for k, v in results.items() if k != "eval"}
    summary["eval"] = {k: v for k, v in results["eval"].items() if k != "misses"}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
