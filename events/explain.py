"""``explain``: which words and lexicon entries produced each field of each event."""

from __future__ import annotations

from typing import Any

from .pipeline import Extraction

__all__ = ["explain_extraction", "render_explanation"]

_FIELDS = ("event_date", "sub_event_type", "actor1", "actor2", "location", "geo_precision", "fatalities", "notes",
           "context")


def explain_extraction(result: Extraction) -> dict[str, Any]:
    events = []
    for ev in result.events:
        events.append({
            "event_uid": ev.event_uid,
            "summary": {k: getattr(ev, k) for k in ("event_date", "time_precision", "event_type", "sub_event_type",
                                                     "actor1", "actor2", "location", "admin1", "geo_precision",
                                                     "fatalities", "confidence")},
            "evidence": [e.model_dump() for e in ev.evidence],
            "provenance": {k: [i.model_dump(exclude_none=True) for i in v] for k, v in ev.provenance.items()},
        })
    for ev in events:
        ev["summary"]["event_date"] = str(ev["summary"]["event_date"])
    return {
        "article_id": result.article.id,
        "published": str(result.article.published) if result.article.published else None,
        "events": events,
        "not_coded": [{"reason": r.reason, "text": r.text, "start": r.start, "end": r.end,
                       "triggers": list(r.triggers)} for r in result.rejected],
        "problems": list(result.problems),
    }


def render_explanation(report: dict[str, Any]) -> str:
    if "problem" in report:
        return f"problem: {report['problem']}\n"
    lines = [f"== article {report['article_id']} (published {report['published'] or 'unknown'})"]
    for i, ev in enumerate(report["events"], 1):
        s = ev["summary"]
        lines.append(f"-- event {i} [{ev['event_uid']}] {s['event_date']} {s['sub_event_type']}: {s['actor1']}"
                     f"{' vs ' + s['actor2'] if s['actor2'] else ''} @ {s['location']} ({s['admin1']}), "
                     f"fatalities {s['fatalities']}, confidence {s['confidence']}")
        for evd in ev["evidence"]:
            lines.append(f"   evidence [{evd['start']}:{evd['end']}] {evd['text']}")
        for fld in _FIELDS:
            for item in ev["provenance"].get(fld, []):
                words = f" «{item['text']}»" if item.get("text") else ""
                entries = f" {', '.join(item['entries'])}" if item.get("entries") else ""
                lines.append(f"   {fld:<15} {item['rule']}{entries}{words}")
    for rej in report["not_coded"]:
        lines.append(f"-- not coded ({rej['reason']}): {rej['text'][:120]}")
    for problem in report["problems"]:
        lines.append(f"-- problem: {problem}")
    return "\n".join(lines) + "\n\n"
