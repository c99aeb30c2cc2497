"""Code the development corpus and evaluate it against its gold events and negatives.

    python benchmarks/eval_dev.py [--details] [--corpus ../shared/corpus/dev] [--out benchmarks/results/dev_eval.json]

Writes the evaluation report (JSON) to --out and the predicted events beside it (NAME_eval.json -> NAME_pred.jsonl).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from events.evaluation import evaluate, read_jsonl  # noqa: E402
from events.io.readers import iter_articles  # noqa: E402
from events.model import Article  # noqa: E402
from events.pipeline import extract_article  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus" / "dev"))
    ap.add_argument("--out", default=str(REPO / "benchmarks" / "results" / "dev_eval.json"))
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not (corpus / "articles.jsonl").is_file():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    preds = []
    for art in iter_articles([corpus / "articles.jsonl"]):
        if not isinstance(art, Article):
            print(art, file=sys.stderr)
            continue
        for ev in extract_article(art, timestamp=0).events:
            preds.append(ev.model_dump(mode="json"))
    report = evaluate(read_jsonl(corpus / "gold.jsonl"), preds, read_jsonl(corpus / "negatives.jsonl"))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    out.with_name(out.stem.removesuffix("_eval") + "_pred.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds),
                                               encoding="utf-8")
    sys.stdout.write(report.render(details=args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
