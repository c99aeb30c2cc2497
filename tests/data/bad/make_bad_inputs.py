"""Regenerate the bad-input corpus: `python tests/data/bad/make_bad_inputs.py`.

Each file is something a scraper really produces; `expected.yaml` says what the tool must say
about it (tests/test_bad_inputs.py checks every file).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
AR = "قتل شاب برصاص مجهولين في مدينة درعا مساء أمس، وفق ما أفادت مصادر محلية."
GOOD = {"id": "ok", "text": AR, "published": "2024-03-10", "outlet": "X"}


def w(name: str, data: bytes | str) -> None:
    path = HERE / name
    if path.suffix == "" and not isinstance(data, bytes):
        raise ValueError(name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def jl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def main() -> None:
    w("empty.txt", b"")
    w("whitespace_only.txt", "  \n\t\n   \n")
    w("bom_only.txt", b"\xef\xbb\xbf")
    w("binary_png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    w("binary_zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    w("utf16_le_bom.txt", "\ufeff".encode("utf-16-le") + AR.encode("utf-16-le"))
    w("utf16_be_bom.txt", "\ufeff".encode("utf-16-be") + AR.encode("utf-16-be"))
    w("windows_1256.txt", AR.encode("cp1256"))
    w("iso_8859_6.txt", "قتل شاب في مدينة درعا".encode("iso-8859-6"))
    w("latin1_not_arabic.txt", "Caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la fran\xe7aise. " .encode("latin-1") * 3)
    w("truncated_utf8.txt", AR.rstrip(".").encode("utf-8")[:-1])
    w("crlf_lines.txt", AR.replace("، ", "،\r\n").encode("utf-8"))
    w("bidi_and_zero_width.txt", "\u202bقتل\u200f شاب\u200c برصاص\u2066 مجهولين\u2069 في مدينة درعا مساء أمس.\u202c")
    w("tatweel_and_harakat.txt", "قُتِلَ شـــابٌ برصـاص مجهولين في مدينـــة درعا مساءَ أمس.")
    w("html_page.txt", "<html><head><script>var a = '<p>';</script><style>p{}</style></head><body>"
                       "<h1>خبر</h1><p>" + AR + "</p><!-- ad --><div>&nbsp;&copy; الموقع</div></body></html>")
    w("nul_bytes.txt", AR.encode("utf-8").replace(b" ", b" \x00", 2))
    w("control_chars.txt", "\x07\x1b[31m" + AR + "\x1b[0m\x0c")
    w("long_line_no_punctuation.txt", ("قصف مدفعي على بلدة في ريف إدلب " * 5000))
    w("mixed_digits.txt", "قتل ٣ أشخاص و۴ آخرين في قصف على مدينة إدلب أمس.")
    w("broken_line.jsonl", jl(GOOD, '{"id": "b", "text": "نص', {**GOOD, "id": "ok2"}))
    w("truncated_last_line.jsonl", jl(GOOD) + '{"id": "t", "text": "قتل')
    w("not_an_object.jsonl", jl([1, 2, 3], "\"just a string\"", GOOD))
    w("missing_text.jsonl", jl({"id": "m", "published": "2024-01-01"}, GOOD))
    w("text_not_a_string.jsonl", jl({"id": "n", "text": 12345}, GOOD))
    w("invalid_published.jsonl", jl({**GOOD, "id": "d", "published": "2023-13-45"}))
    w("published_not_a_date.jsonl", jl({**GOOD, "id": "e", "published": "yesterday"}))
    w("published_feb_30.jsonl", jl({**GOOD, "id": "f", "published": "2023-02-30"}))
    w("empty_text.jsonl", jl({"id": "g", "text": "", "published": "2024-01-01"}))
    w("non_utf8_line.jsonl", jl(GOOD).encode("utf-8") + b'{"id": "x", "text": "\xff\xfe"}\n')
    w("deeply_nested.jsonl", "[" * 100000 + "]" * 100000 + "\n" + jl(GOOD))
    w("lone_surrogate.jsonl", '{"id": "s", "text": "قتل \\ud800 شاب", "published": "2024-01-01"}\n')
    w("null_fields.jsonl", jl({"id": None, "text": AR, "published": None, "outlet": None, "url": None}))
    w("no_published.jsonl", jl({"id": "np", "text": AR}))
    (HERE / "sidecar_broken.txt").write_text(AR, encoding="utf-8")
    w("sidecar_broken.meta.json", "{published: 2024}")
    # event files for `validate`
    w("events_broken.csv", 'event_id_cnty,event_date\n"unterminated,2023\n')
    w("events_wrong_header.csv", "id,date,type\n1,2023-01-01,x\n")
    w("events_not_json.jsonl", "{nope\n")
    w("events_not_featurecollection.geojson", json.dumps({"type": "Feature", "properties": {}}))
    w("events_empty.csv", b"")


if __name__ == "__main__":
    main()
