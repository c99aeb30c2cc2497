"""The gazetteer: an embedded offline gazetteer with admin hierarchy and toponym resolution.

Public API::

    from events.geo import Gazetteer, locate_places
    gz = Gazetteer.load()                        # built once, then loaded from the cache
    gz.search("مخيم الهول")[0].place.name        # 'Al Hol Camp'
    gz.seat("SY", "Deir ez Zor")                 # the town ACLED codes a governorate-only event to
    locate_places(prepare(article), gz)          # LocatedPlace for every place phrase

See ``docs`` in each module: ``index`` (cache), ``admin`` (hierarchy), ``resolve`` (context and
ACLED geo_precision), ``importers`` (GeoNames, OCHA, overlay CSV) and ``online`` (Nominatim).
"""

from .gazetteer import Gazetteer, user_layers_dir
from .model import Candidate, LocatedPlace, Place
from .resolve import locate_places

__all__ = ["Candidate", "Gazetteer", "LocatedPlace", "Place", "locate_places", "user_layers_dir"]
