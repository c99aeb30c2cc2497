#!/usr/bin/env python3
"""Consistency checks for the held-out set (run: python3 check.py). Exits 1 on any error."""
import json, datetime, re, sys, collections, os
D = os.path.dirname(os.path.abspath(__file__))
load = lambda f: [json.loads(l) for l in open(os.path.join(D, f), encoding='utf-8') if l.strip()]
arts = {a['id']: a for a in load('articles.jsonl')}
gold = load('gold.jsonl'); negs = load('negatives.jsonl')
errs = []
PAIRS = {
 "Battles": {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
 "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
 "Riots": {"Violent demonstration", "Mob violence"},
 "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
 "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
 "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"},
}
SY2 = {"Al Hasakeh": ["Al Hasakeh","Quamishli","Al Malikeyyeh","Ras Al Ain"], "Deir ez Zor": ["Deir ez Zor","Abu Kamal","Al Mayadin"],
 "Aleppo": ["Jebel Saman","Al Bab","Afrin","Azaz","Menbij","Ain Al Arab","As Safira","Jarablus"], "Ar Raqqa": ["Ar Raqqa","Tell Abiad","Ath Thawrah"],
 "As Sweida": ["As Sweida","Salkhad","Shahba"], "Damascus": ["Damascus"], "Dara": ["Dara","As Sanamayn","Izra"],
 "Hama": ["Hama","As Suqaylabiyah","As Salamiyeh","Masyaf","Muhradah"], "Homs": ["Homs","Al Qusayr","Tall Kalakh","Ar Rastan","Tadmor","Al Makhrim"],
 "Idleb": ["Idleb","Al Mara","Harim","Jisr Ash Shugur","Ariha"], "Lattakia": ["Lattakia","Jablah","Al Haffa","Al Qardaha"], "Quneitra": ["Quneitra","Al Fiq"],
 "Rural Damascus": ["Rural Damascus","Duma","Al Qutayfah","At Tall","Yabroud","An Nabk","Az Zabdani","Qatana","Darayya"],
 "Tartous": ["Tartous","Banyas","Safita","Dreikish","Sheikh Badr","Qadmous"]}
IQ1 = ["Al Anbar","Al Basrah","Al Muthanna","Al Najaf","Al Qadissiya","Al Sulaymaniyah","Babil","Baghdad","Diyala","Duhok","Erbil","Kerbala","Kirkuk","Maysan","Ninewa","Salah Al Din","Thi Qar","Wassit"]
BBOX = {"Syria": (32.3, 37.4, 35.6, 42.4), "Iraq": (29.0, 37.4, 38.7, 48.7)}
FIELDS = ["article_id","event_date","time_precision","event_type","sub_event_type","actor1","assoc_actor_1","actor2","assoc_actor_2","civilian_targeting","country","admin1","admin2","location","latitude","longitude","geo_precision","fatalities","evidence","notes"]
def date(s):
    try: return datetime.date.fromisoformat(s)
    except Exception: return None
for a in arts.values():
    if not re.fullmatch(r'ho-(ar|en)-\d{3}', a['id']) or a['id'][3:5] != a['language']: errs.append(f"bad id/lang {a['id']}")
    if not date(a['published']): errs.append(f"bad published {a['id']}")
    n = len(a['text'].split())
    if not 150 <= n <= 600: errs.append(f"{a['id']}: {n} words")
for i, g in enumerate(gold):
    tag = f"gold#{i+1} {g.get('article_id')}"
    if list(g) != FIELDS: errs.append(f"{tag}: field layout")
    a = arts.get(g['article_id'])
    if not a: errs.append(f"{tag}: unknown article"); continue
    for piece in g['evidence'].split(' … '):
        if piece not in a['text']: errs.append(f"{tag}: evidence not in text: {piece[:60]}")
    if g['sub_event_type'] not in PAIRS.get(g['event_type'], ()): errs.append(f"{tag}: bad type pair")
    d = date(g['event_date'])
    if not d: errs.append(f"{tag}: bad date")
    elif d > date(a['published']) or (date(a['published']) - d).days > 10: errs.append(f"{tag}: date vs published")
    if g['time_precision'] not in (1, 2, 3) or g['geo_precision'] not in (1, 2, 3): errs.append(f"{tag}: precision")
    if g['event_type'] in ("Battles", "Violence against civilians") and not g['actor2']: errs.append(f"{tag}: actor2 missing")
    if g['event_type'] == "Violence against civilians" and g['civilian_targeting'] != "Civilian targeting": errs.append(f"{tag}: civ targeting")
    if g['civilian_targeting'] not in ("", "Civilian targeting"): errs.append(f"{tag}: civ value")
    if g['event_type'] in ("Battles", "Strategic developments") and g['civilian_targeting']: errs.append(f"{tag}: civ targeting on {g['event_type']}")
    if not isinstance(g['fatalities'], int) or g['fatalities'] < 0: errs.append(f"{tag}: fatalities")
    if g['country'] == 'Syria':
        if g['admin2'] not in SY2.get(g['admin1'], []): errs.append(f"{tag}: admin1/admin2 {g['admin1']}/{g['admin2']}")
    elif g['country'] == 'Iraq':
        if g['admin1'] not in IQ1 or g['admin2']: errs.append(f"{tag}: iraq admin")
    else: errs.append(f"{tag}: country")
    la0, la1, lo0, lo1 = BBOX[g['country']]
    if not (la0 <= g['latitude'] <= la1 and lo0 <= g['longitude'] <= lo1): errs.append(f"{tag}: coords outside country box")
    if round(g['latitude'], 4) != g['latitude'] or round(g['longitude'], 4) != g['longitude']: errs.append(f"{tag}: >4 decimals")
    if g['notes'][:3] not in ("On ", "Aro") and ':' not in g['notes'][:30]: errs.append(f"{tag}: notes opening")
for i, n in enumerate(negs):
    a = arts.get(n['article_id'])
    if not a: errs.append(f"neg#{i+1}: unknown article"); continue
    if n['text'] not in a['text']: errs.append(f"neg#{i+1} {n['article_id']}: text not in article: {n['text'][:60]}")
    if not n['why']: errs.append(f"neg#{i+1}: why empty")
for e in errs: print("ERROR", e)
c = collections.Counter
print(f"articles {len(arts)} ({dict(c(a['language'] for a in arts.values()))}); gold {len(gold)}; negatives {len(negs)}")
lang = {k: v['language'] for k, v in arts.items()}
print("gold by language:", dict(c(lang[g['article_id']] for g in gold)))
print("gold by country:", dict(c(g['country'] for g in gold)))
print("gold by event type:", dict(c(g['event_type'] for g in gold)))
print("gold by sub-event type:", dict(c(g['sub_event_type'] for g in gold)))
print("articles by country (any event):", dict(c(frozenset(g['country'] for g in gold if g['article_id'] == k) and '/'.join(sorted({g['country'] for g in gold if g['article_id'] == k})) for k in arts)))
print("negatives by language:", dict(c(lang[n['article_id']] for n in negs)))
print("time_precision:", dict(c(g['time_precision'] for g in gold)), "geo_precision:", dict(c(g['geo_precision'] for g in gold)))
print("fatalities total:", sum(g['fatalities'] for g in gold))
sys.exit(1 if errs else 0)
