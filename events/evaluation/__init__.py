"""Evaluate coded events against hand-coded gold events, ACLED style.

Events are matched within each article: a predicted and a gold event can match when their dates
are at most ``max_days`` apart and their places at most ``max_km`` apart; pairs are taken
greedily, best first (same sub-event type, then nearest date, then nearest place).  Reported:

* detection precision / recall / F1 (any matched pair counts);
* type-correct detection (a matched pair counts only with the same sub-event type);
* the accuracy of each field on matched pairs (location within 10 km, admin units, actors, date,
  fatalities ...);
* which *negative* statements (spans that must not yield an event) produced an unmatched event;
* per article, the gold events missed and the predicted events with no gold counterpart.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["EvalReport", "evaluate", "read_jsonl", "haversine_km", "FIELDS"]

FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "actors", "assoc_actor_1", "assoc_actor_2",
          "civilian_targeting", "event_date", "time_precision", "location_10km", "admin1", "admin2",
          "geo_precision", "fatalities")


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    try:
        return haversine_km(float(a["latitude"]), float(a["longitude"]), float(b["latitude"]), float(b["longitude"]))
    except (KeyError, TypeError, ValueError):
        return math.inf


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred,
            "gold": n_gold}


def _field_ok(fld: str, g: dict[str, Any], p: dict[str, Any]) -> bool:
    if fld == "location_10km":
        return _km(g, p) <= 10
    if fld == "actors":
        return {g.get("actor1", ""), g.get("actor2", "")} == {p.get("actor1", ""), p.get("actor2", "")}
    if fld == "event_date":
        return _date(g["event_date"]) == _date(p["event_date"])
    if fld in ("time_precision", "geo_precision", "fatalities"):
        return int(g.get(fld) or 0) == int(p.get(fld) or 0)
    if fld in ("assoc_actor_1", "assoc_actor_2"):
        split = lambda s: set(x for x in str(s or "").split("; ") if x)  # noqa: E731
        return split(g.get(fld)) == split(p.get(fld))
    return str(g.get(fld) or "") == str(p.get(fld) or "")


@dataclass
class EvalReport:
    detection: dict[str, float]
    typed: dict[str, float]
    fields: dict[str, dict[str, float]]
    negatives_triggered: list[dict[str, Any]]
    negatives_total: int
    per_article: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"detection": self.detection, "type_correct": self.typed, "fields": self.fields,
                "negatives_total": self.negatives_total, "negatives_triggered": self.negatives_triggered,
                "per_article": self.per_article}

    def render(self, details: bool = False) -> str:
        d, t = self.detection, self.typed
        lines = [
            f"events: gold {d['gold']}, predicted {d['pred']}, matched {d['tp']}",
            f"detection      P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}",
            f"type-correct   P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}",
            "field accuracy on matched events:",
        ]
        for fld, v in self.fields.items():
            lines.append(f"  {fld:<18} {v['accuracy']:.3f}  ({v['correct']}/{v['total']})")
        lines.append(f"negatives triggered: {len(self.negatives_triggered)} of {self.negatives_total}")
        for n in self.negatives_triggered:
            lines.append(f"  {n['article_id']}: {n['why']}: {n['text'][:90]}")
        if details:
            for art, info in sorted(self.per_article.items()):
                if not (info["missed"] or info["spurious"] or info["field_errors"]):
                    continue
                lines.append(f"-- {art}")
                for g in info["missed"]:
                    lines.append(f"   missed   {g}")
                for p in info["spurious"]:
                    lines.append(f"   spurious {p}")
                for e in info["field_errors"]:
                    lines.append(f"   field    {e}")
        return "\n".join(lines) + "\n"


def _summary(ev: dict[str, Any]) -> str:
    return (f"{ev.get('event_date')} {ev.get('sub_event_type')} | {ev.get('actor1')} vs {ev.get('actor2') or '-'} "
            f"@ {ev.get('location')} ({ev.get('admin1')}) f={ev.get('fatalities')}")


def _match_article(gold: list[dict], pred: list[dict], max_days: int, max_km: float) -> list[tuple[int, int]]:
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            days = abs((_date(g["event_date"]) - _date(p["event_date"])).days)
            km = _km(g, p)
            if days <= max_days and km <= max_km:
                cands.append((g.get("sub_event_type") != p.get("sub_event_type"), days, km, i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def evaluate(gold: Iterable[dict], pred: Iterable[dict], negatives: Iterable[dict] = (), *, max_days: int = 1,
             max_km: float = 50.0) -> EvalReport:
    gold_by: dict[str, list[dict]] = defaultdict(list)
    pred_by: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by[str(g["article_id"])].append(g)
    for p in pred:
        pred_by[str(p["article_id"])].append(p)
    negs_by: dict[str, list[dict]] = defaultdict(list)
    negatives = list(negatives)
    for n in negatives:
        negs_by[str(n["article_id"])].append(n)
    tp = typed_tp = 0
    correct: dict[str, int] = dict.fromkeys(FIELDS, 0)
    per_article: dict[str, dict[str, Any]] = {}
    triggered: list[dict[str, Any]] = []
    for art in sorted(set(gold_by) | set(pred_by) | set(negs_by)):
        g_list, p_list = gold_by.get(art, []), pred_by.get(art, [])
        pairs = _match_article(g_list, p_list, max_days, max_km)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        errors = []
        for i, j in pairs:
            g, p = g_list[i], p_list[j]
            tp += 1
            typed_tp += g.get("sub_event_type") == p.get("sub_event_type")
            for fld in FIELDS:
                ok = _field_ok(fld, g, p)
                correct[fld] += ok
                if not ok and fld not in ("actors",):
                    gv = g.get(fld if fld != "location_10km" else "location")
                    pv = p.get(fld if fld != "location_10km" else "location")
                    extra = f" ({_km(g, p):.0f} km)" if fld == "location_10km" else ""
                    errors.append(f"{fld}: gold {gv!r} pred {pv!r}{extra}")
        spurious = [p_list[j] for j in range(len(p_list)) if j not in matched_p]
        for n in negs_by.get(art, []):
            text = n["text"]
            for p in spurious:
                ev_texts = [e.get("text", "") for e in p.get("evidence") or []]
                if any(text in t or (t and t in text) for t in ev_texts):
                    triggered.append({"article_id": art, "why": n.get("why", ""), "text": text,
                                      "event": _summary(p)})
                    break
        per_article[art] = {
            "gold": len(g_list), "pred": len(p_list), "matched": len(pairs),
            "missed": [_summary(g_list[i]) for i in range(len(g_list)) if i not in matched_g],
            "spurious": [_summary(p) for p in spurious],
            "field_errors": errors,
        }
    n_gold = sum(len(v) for v in gold_by.values())
    n_pred = sum(len(v) for v in pred_by.values())
    fields = {f: {"accuracy": round(correct[f] / tp, 4) if tp else 0.0, "correct": correct[f], "total": tp}
              for f in FIELDS}
    return EvalReport(_prf(tp, n_pred, n_gold), _prf(typed_tp, n_pred, n_gold), fields, triggered, len(negatives),
                      per_article)
