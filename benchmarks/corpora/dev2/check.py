#!/usr/bin/env python3
"""Consistency checks for the dev2 set (articles.jsonl, gold.jsonl, negatives.jsonl).

Usage: python3 check.py [folder]      (default: the folder this file is in)
Exit status 0 when no error was found; warnings do not fail the run.
Standard library only.
"""
import collections
import datetime
import json
import os
import re
import sys

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

# acled-format.md section 2
SUBTYPES = {
    'Battles': {'Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'},
    'Protests': {'Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'},
    'Riots': {'Violent demonstration', 'Mob violence'},
    'Explosions/Remote violence': {'Chemical weapon', 'Air/drone strike', 'Suicide bomb',
                                   'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'},
    'Violence against civilians': {'Sexual violence', 'Attack', 'Abduction/forced disappearance'},
    'Strategic developments': {'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use',
                               'Headquarters or base established', 'Looting/property destruction',
                               'Non-violent transfer of territory', 'Other'},
}
# acled-format.md sections 5.2-5.4
ADMIN1 = {
    'Syria': {'Damascus', 'Aleppo', 'Rural Damascus', 'Homs', 'Hama', 'Lattakia', 'Idleb', 'Al Hasakeh',
              'Deir ez Zor', 'Tartous', 'Ar Raqqa', 'Dara', 'As Sweida', 'Quneitra'},
    'Iraq': {'Al Anbar', 'Al Basrah', 'Al Muthanna', 'Al Najaf', 'Al Qadissiya', 'Al Sulaymaniyah', 'Babil',
             'Baghdad', 'Duhok', 'Erbil', 'Kerbala', 'Kirkuk', 'Maysan', 'Ninewa', 'Salah Al Din', 'Thi Qar',
             'Wassit', 'Diyala'},
}
SY_ADMIN2 = {
    'Al Hasakeh': {'Al Hasakeh', 'Quamishli', 'Al Malikeyyeh', 'Ras Al Ain'},
    'Deir ez Zor': {'Deir ez Zor', 'Abu Kamal', 'Al Mayadin'},
    'Aleppo': {'Jebel Saman', 'Al Bab', 'Afrin', 'Azaz', 'Menbij', 'Ain Al Arab', 'As Safira', 'Jarablus'},
    'Ar Raqqa': {'Ar Raqqa', 'Tell Abiad', 'Ath Thawrah'},
    'As Sweida': {'As Sweida', 'Salkhad', 'Shahba'},
    'Damascus': {'Damascus'},
    'Dara': {'Dara', 'As Sanamayn', 'Izra'},
    'Hama': {'Hama', 'As Suqaylabiyah', 'As Salamiyeh', 'Masyaf', 'Muhradah'},
    'Homs': {'Homs', 'Al Qusayr', 'Tall Kalakh', 'Ar Rastan', 'Tadmor', 'Al Makhrim'},
    'Idleb': {'Idleb', 'Al Mara', 'Harim', 'Jisr Ash Shugur', 'Ariha'},
    'Lattakia': {'Lattakia', 'Jablah', 'Al Haffa', 'Al Qardaha'},
    'Quneitra': {'Quneitra', 'Al Fiq'},
    'Rural Damascus': {'Rural Damascus', 'Duma', 'Al Qutayfah', 'At Tall', 'Yabroud', 'An Nabk', 'Az Zabdani',
                       'Qatana', 'Darayya'},
    'Tartous': {'Tartous', 'Banyas', 'Safita', 'Dreikish', 'Sheikh Badr', 'Qadmous'},
}
BBOX = {'Syria': (32.3, 37.4, 35.7, 42.4), 'Iraq': (29.0, 37.4, 38.7, 48.6)}  # lat min/max, lon min/max
SD_LABELS = ('Arrests:', 'Agreement:', 'Movement of forces:', 'Interception:', 'Weapons seizure:', 'Defusal:',
             'Detonation:', 'Property destruction:', 'Looting:', 'Land seizure:', 'Other:', 'Non-violent activity:',
             'Security measures:', 'Explosive remnants of war:')
GOLD_FIELDS = ['article_id', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1',
               'assoc_actor_1', 'actor2', 'assoc_actor_2', 'civilian_targeting', 'country', 'admin1', 'admin2',
               'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'evidence', 'notes']
SEP = ' \u2026 '

errors, warnings = [], []


def err(where, msg):
    errors.append(f'{where}: {msg}')


def warn(where, msg):
    warnings.append(f'{where}: {msg}')


def load(name):
    out = []
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    err(f'{name}:{n}', f'bad JSON ({e})')
    return out


def date(s):
    try:
        return datetime.date.fromisoformat(s) if re.fullmatch(r'\d{4}-\d{2}-\d{2}', s or '') else None
    except ValueError:
        return None


articles, gold, negs = load('articles.jsonl'), load('gold.jsonl'), load('negatives.jsonl')

# ---- articles
arts = {}
for a in articles:
    aid = a.get('id', '?')
    if aid in arts:
        err(aid, 'duplicate article id')
    arts[aid] = a
    for k in ('id', 'url', 'outlet', 'published', 'published_basis', 'language', 'text'):
        if k not in a:
            err(aid, f'article lacks field {k}')
    if not re.fullmatch(r'd2-(ar|en)-\d{3}', aid):
        err(aid, 'id does not match d2-ar-NNN / d2-en-NNN')
    elif aid[3:5] != a.get('language'):
        err(aid, 'language does not match id')
    if not date(a.get('published')):
        err(aid, f'bad published date {a.get("published")!r}')
    words = len(re.findall(r'\S+', a.get('text', '')))
    if not 150 <= words <= 600:
        warn(aid, f'{words} words (brief asks 150-600)')

# ---- gold
evidence_spans = collections.defaultdict(list)
for i, g in enumerate(gold, 1):
    w = f'gold:{i} ({g.get("article_id")})'
    if list(g.keys()) != GOLD_FIELDS:
        err(w, 'fields differ from the dev gold layout')
    a = arts.get(g.get('article_id'))
    if a is None:
        err(w, 'unknown article_id')
        continue
    text = a['text']
    for piece in g.get('evidence', '').split(SEP):
        j = text.find(piece)
        if not piece or j < 0:
            err(w, f'evidence piece not in article: {piece[:70]!r}')
        else:
            evidence_spans[a['id']].append((j, j + len(piece)))
    et, st = g.get('event_type'), g.get('sub_event_type')
    if et not in SUBTYPES:
        err(w, f'unknown event_type {et!r}')
    elif st not in SUBTYPES[et]:
        err(w, f'sub_event_type {st!r} does not belong to {et!r}')
    d, p = date(g.get('event_date')), date(a.get('published'))
    if d is None:
        err(w, f'bad event_date {g.get("event_date")!r}')
    elif p and d > p:
        err(w, f'event_date {d} after published {p}')
    if g.get('time_precision') not in (1, 2, 3):
        err(w, 'time_precision not 1/2/3')
    if g.get('geo_precision') not in (1, 2, 3):
        err(w, 'geo_precision not 1/2/3')
    if not g.get('actor1'):
        err(w, 'actor1 empty')
    if et in ('Battles', 'Violence against civilians') and not g.get('actor2'):
        err(w, f'actor2 required for {et}')
    ct = g.get('civilian_targeting')
    if ct not in ('', 'Civilian targeting'):
        err(w, f'civilian_targeting must be "" or "Civilian targeting", got {ct!r}')
    if et == 'Violence against civilians':
        if ct != 'Civilian targeting':
            err(w, 'Violence against civilians without Civilian targeting')
        if not g.get('actor2', '').startswith('Civilians ('):
            warn(w, f'VAC victim actor2 is {g.get("actor2")!r}, expected Civilians (...)')
    if et in ('Battles', 'Strategic developments') and ct:
        warn(w, f'Civilian targeting set on {et}')
    for col in ('assoc_actor_1', 'assoc_actor_2'):
        v = g.get(col, '')
        if v and ('; ' not in v and ';' in v):
            err(w, f'{col} must join names with "; "')
    c, a1, a2 = g.get('country'), g.get('admin1'), g.get('admin2')
    if c not in ADMIN1:
        err(w, f'country {c!r} not Syria/Iraq')
    else:
        if a1 not in ADMIN1[c]:
            err(w, f'admin1 {a1!r} is not an ACLED {c} spelling')
        if c == 'Syria' and a1 in SY_ADMIN2 and a2 and a2 not in SY_ADMIN2[a1]:
            err(w, f'admin2 {a2!r} not an ACLED district of {a1}')
        if c == 'Syria' and not a2:
            warn(w, 'Syrian event without admin2')
        if c == 'Iraq' and a2:
            warn(w, 'Iraqi admin2 filled (dev convention leaves it empty)')
        lat, lon = g.get('latitude'), g.get('longitude')
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            err(w, 'latitude/longitude not numbers')
        else:
            b = BBOX[c]
            if not (b[0] <= lat <= b[1] and b[2] <= lon <= b[3]):
                err(w, f'coordinates {lat},{lon} outside {c}')
            if round(lat, 4) != lat or round(lon, 4) != lon:
                err(w, 'coordinates have more than 4 decimals')
    if not g.get('location'):
        err(w, 'location empty')
    f = g.get('fatalities')
    if not isinstance(f, int) or isinstance(f, bool) or f < 0:
        err(w, f'fatalities must be an integer >= 0, got {f!r}')
    notes = g.get('notes', '')
    if et == 'Strategic developments':
        if not notes.startswith(SD_LABELS):
            warn(w, 'SD notes do not start with a label')
    elif not (notes.startswith('On ') or notes.startswith('Around ')):
        warn(w, 'notes do not start with "On"/"Around"')
    if g.get('time_precision') == 2 and 'Around' not in notes:
        warn(w, 'time_precision 2 but notes lack "Around"')

# ---- negatives
for i, n in enumerate(negs, 1):
    w = f'negatives:{i} ({n.get("article_id")})'
    a = arts.get(n.get('article_id'))
    if a is None:
        err(w, 'unknown article_id')
        continue
    t = n.get('text', '')
    j = a['text'].find(t)
    if not t or j < 0:
        err(w, f'text not in article: {t[:70]!r}')
        continue
    if not n.get('why'):
        err(w, 'why empty')
    for s, e in evidence_spans[a['id']]:
        if j < e and s < j + len(t):
            warn(w, 'negative overlaps an evidence span')

# ---- summary
lang = collections.Counter(a.get('language') for a in articles)
et = collections.Counter(g.get('event_type') for g in gold)
country = collections.Counter(g.get('country') for g in gold)
print(f'articles {len(articles)} ({", ".join(f"{k} {v}" for k, v in sorted(lang.items()))}); '
      f'events {len(gold)}; negatives {len(negs)}')
print('events by type: ' + ', '.join(f'{k} {v}' for k, v in et.most_common()))
print('events by country: ' + ', '.join(f'{k} {v}' for k, v in country.most_common()))
for x in warnings:
    print('WARNING', x)
for x in errors:
    print('ERROR', x)
checked = len(gold) + len(negs) + len(articles)
print(f'{checked - len(errors)} passed, {len(errors)} failed')
sys.exit(1 if errors else 0)
