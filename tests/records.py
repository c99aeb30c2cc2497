"""Shared test records."""

GOOD = {
    "event_id_cnty": "", "event_date": "2023-02-14", "year": 2023, "time_precision": 1,
    "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
    "actor1": "Islamic State (Syria)", "assoc_actor_1": "", "inter1": "Rebel group",
    "actor2": "QSD: Syrian Democratic Forces", "assoc_actor_2": "", "inter2": "Rebel group",
    "interaction": "Rebel group-Rebel group", "civilian_targeting": "", "iso": 760, "region": "Middle East",
    "country": "Syria", "admin1": "Al Hasakeh", "admin2": "Al Hasakeh", "admin3": "", "location": "Al Hasakeh",
    "latitude": 36.5024, "longitude": 40.7477, "geo_precision": 1, "source": "Outlet", "source_scale": "",
    "notes": "On 14 February 2023, ...", "fatalities": 100, "tags": "", "timestamp": 0,
    "event_uid": "0123456789abcdef", "article_id": "a1", "source_url": "", "language": "ar",
    "evidence": [{"text": "...", "start": 0, "end": 3}], "confidence": 0.9, "provenance": {},
}
