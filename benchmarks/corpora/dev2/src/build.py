import json, sys, glob, importlib, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib, places
mods = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'a[0-9]*.py')))
for m in mods:
    importlib.import_module(m)
out = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
texts = {a['id']: a['text'] for a in lib.ARTS}
err = 0
gold = []
for e in lib.EVS:
    g = places.geo(e['place'])
    for piece in e['evidence'].split(' … '):
        if piece not in texts[e['article_id']]:
            print('EVIDENCE NOT FOUND', e['article_id'], piece[:80]); err += 1
    d = dict(article_id=e['article_id'], event_date=e['event_date'], time_precision=e['time_precision'],
             event_type=e['event_type'], sub_event_type=e['sub_event_type'], actor1=e['actor1'],
             assoc_actor_1=e['assoc_actor_1'], actor2=e['actor2'], assoc_actor_2=e['assoc_actor_2'],
             civilian_targeting=e['civilian_targeting'], country=g['country'], admin1=g['admin1'],
             admin2=g['admin2'], location=g['location'], latitude=g['latitude'], longitude=g['longitude'],
             geo_precision=e['geo_precision'], fatalities=e['fatalities'], evidence=e['evidence'], notes=e['notes'])
    gold.append(d)
for n in lib.NEGS:
    if n['text'] not in texts[n['article_id']]:
        print('NEG NOT FOUND', n['article_id'], n['text'][:80]); err += 1
    # negatives must not overlap evidence of the same article
    for e in lib.EVS:
        if e['article_id'] != n['article_id']: continue
        for piece in e['evidence'].split(' … '):
            t = texts[n['article_id']]
            i, j = t.find(piece), t.find(n['text'])
            if i >= 0 and j >= 0 and i < j + len(n['text']) and j < i + len(piece):
                print('NEG OVERLAPS EVIDENCE', n['article_id'], n['text'][:60]); err += 1
with open(os.path.join(out, 'articles.jsonl'), 'w') as f:
    for a in lib.ARTS: f.write(json.dumps(a, ensure_ascii=False) + '\n')
with open(os.path.join(out, 'gold.jsonl'), 'w') as f:
    for d in gold: f.write(json.dumps(d, ensure_ascii=False) + '\n')
with open(os.path.join(out, 'negatives.jsonl'), 'w') as f:
    for n in lib.NEGS: f.write(json.dumps(n, ensure_ascii=False) + '\n')
import re
for a in lib.ARTS:
    w = len(re.findall(r'\S+', a['text']))
    ne = sum(1 for e in lib.EVS if e['article_id'] == a['id']); nn = sum(1 for n in lib.NEGS if n['article_id'] == a['id'])
    print(a['id'], a['published'], a['outlet'], 'words', w, 'events', ne, 'negs', nn)
print('articles', len(lib.ARTS), 'events', len(gold), 'negatives', len(lib.NEGS), 'errors', err)
