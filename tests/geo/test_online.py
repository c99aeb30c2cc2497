"""Online geocoding against a Nominatim-shaped server on loopback (never the internet)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from events.geo import Gazetteer
from events.geo.online import OnlineGeocoder

ANSWER = [{
    "place_id": 1, "osm_type": "node", "osm_id": 4242, "lat": "36.6600", "lon": "40.9100", "class": "place",
    "type": "village", "addresstype": "village", "name": "Tal Baydar",
    "display_name": "Tal Baydar, Al-Hasakah, Syria", "address": {"country": "Syria", "country_code": "sy"},
}]


class _Handler(BaseHTTPRequestHandler):
    seen: list[dict] = []

    def do_GET(self):
        q = parse_qs(urlparse(self.path).query)
        type(self).seen.append(q)
        body = json.dumps(ANSWER if "Baydar" in q.get("q", [""])[0] else []).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    _Handler.seen = []
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_geocoder_parses_caches_and_limits(server, tmp_path, gazetteer):
    geo = OnlineGeocoder(tmp_path, domain=server, scheme="http", min_delay=0.0)
    hits = geo.search("Tal Baydar", country="SY", gazetteer=gazetteer)
    assert len(hits) == 1
    p = hits[0].place
    assert (p.id, p.feature, p.country, p.admin1, p.layer) == ("osm:node/4242", "village", "Syria", "Al Hasakeh",
                                                               "nominatim")
    assert p.admin2  # admin2 from the nearest seat, as for every layer
    assert _Handler.seen[0]["countrycodes"] == ["sy"]
    geo.search("Tal Baydar", country="SY", gazetteer=gazetteer)
    assert geo.requests == 1 and len(_Handler.seen) == 1  # answered from the sqlite cache
    fresh = OnlineGeocoder(tmp_path, domain=server, scheme="http", min_delay=0.0)
    assert fresh.search("Tal Baydar", country="SY")[0].place.lat == 36.66
    assert fresh.requests == 0


def test_off_by_default(gazetteer):
    assert gazetteer.online is None
    assert gazetteer.search("Zzyzxqw") == []


def test_search_falls_back_online(server, tmp_path, monkeypatch, gazetteer):
    monkeypatch.setenv("CONFLICT_EVENTS_NOMINATIM", server)
    monkeypatch.setenv("CONFLICT_EVENTS_NOMINATIM_SCHEME", "http")
    gz = Gazetteer.load(cache_dir=gazetteer.cache_path.parents[1], user_layers=False, online=True)
    gz.online.min_delay = 0.0
    hits = gz.search("Zzyzx Baydar")
    assert hits and hits[0].reason == "online"
    assert gz.search("دير الزور")[0].reason == "exact name"  # offline answers never go online
    assert len(_Handler.seen) == 1
