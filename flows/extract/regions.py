"""The region gazetteer: China's province-, city- and county-level divisions, and name lookup.

The table is data/regions.csv (built by scripts/build_region_gazetteer.py, also the dbt seed of
dim_region). Reports name places by full name (景宁畲族自治县) or short name (景宁); a short name
is resolved within the document's own city or province first, because short names repeat across
the country (普陀, 江北, 朝阳).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flows.extract.vocabulary import rows

_DEPTH = {"country": 0, "province": 1, "city": 2, "county": 3}
# Short names that are ordinary words before they are places.
_AMBIGUOUS_SHORT = frozenset({"城区", "郊区", "市中", "新城", "城中", "开发", "河口", "江城"})


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    short_name: str
    level: str
    parent_code: str
    province_code: str

    @property
    def depth(self) -> int:
        return _DEPTH[self.level]

    def __hash__(self) -> int:
        # the code alone identifies a division (equal regions have equal codes); a hash of all six
        # fields cost 1.6 µs on every cached gazetteer look-up
        return hash(self.code)


@dataclass(frozen=True)
class RegionMention:
    region: Region
    start: int  # offsets into the searched string
    end: int


class Gazetteer:
    def __init__(self, regions: list[Region]) -> None:
        self.by_code = {r.code: r for r in regions}
        self._by_name: dict[str, list[Region]] = {}
        for r in regions:
            self._by_name.setdefault(r.name, []).append(r)
            if r.short_name != r.name and r.short_name not in _AMBIGUOUS_SHORT and len(r.short_name) >= 2:
                self._by_name.setdefault(r.short_name, []).append(r)
        self._max_len = max(len(k) for k in self._by_name)
        # the first two characters of every name: where none opens, no name starts
        self._openings = frozenset(k[:2] for k in self._by_name if len(k) >= 2)

    def may_open(self, text: str) -> bool:
        """Whether a division's name may open `text`: False when none opens on its first two
        characters, a set test that spares the look-ups of each of its openings."""
        return text[:2] in self._openings

    def ancestors(self, region: Region) -> list[Region]:
        out = []
        code = region.parent_code
        while code and code in self.by_code:
            out.append(self.by_code[code])
            code = self.by_code[code].parent_code
        return out

    def contains(self, outer: Region, inner: Region) -> bool:
        return outer == inner or outer in self.ancestors(inner)

    def resolve(self, name: str, within: Region | None = None) -> Region | None:
        """The division a full or short name denotes, preferring one inside `within`.

        Outside `within` a name must be unambiguous nationally to resolve.
        """
        candidates = self._by_name.get(name, [])
        if not candidates:
            return None
        if within is not None:
            inside = [r for r in candidates if self.contains(within, r)]
            if inside:
                return _most_prominent(inside)
            # a neighbour in the same province: 云和景宁 seen from 丽水市 are inside; 义乌 seen
            # from 丽水市 is in 浙江省
            province = self.by_code.get(within.province_code)
            if province is not None:
                near = [r for r in candidates if r.province_code == province.code]
                if near:
                    return _most_prominent(near)
        exact = [r for r in candidates if r.name == name]
        if len(exact) == 1:
            return exact[0]
        if len(candidates) == 1 and within is None:
            return candidates[0]
        # nationally ambiguous short names resolve only when one is a province or city
        upper = [r for r in candidates if r.level != "county"]
        return upper[0] if len(upper) == 1 else None

    def region_named(self, name: str) -> Region | None:
        """The division with exactly this full name (丽水市, 浙江省), unambiguous only."""
        exact = [r for r in self._by_name.get(name, []) if r.name == name]
        return exact[0] if len(exact) == 1 else None

    def initials(self, within: Region | None = None) -> frozenset[str]:
        """First characters of the division names a line's name abbreviates (杭温高铁: 杭州, 温州):
        any division's in `within`'s province (lines cross into neighbours: every province's
        own name too), else those of provinces and cities nationwide."""
        return self._initials(within.province_code if within is not None else "")

    @lru_cache(maxsize=64)  # noqa: B019 - one gazetteer per process
    def _initials(self, province_code: str) -> frozenset[str]:
        out = set()
        for r in self.by_code.values():
            if r.level == "province" or (r.level == "city" and not province_code) or r.province_code == province_code:
                out.add(r.short_name[0])
        return frozenset(out)

    def mentions(self, text: str, within: Region | None = None) -> list[RegionMention]:
        """Divisions named in `text`, longest name first at each position, left to right."""
        return list(self._mentions(text, within))

    @lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per process; names recur across clauses
    def _mentions(self, text: str, within: Region | None) -> tuple[RegionMention, ...]:
        out: list[RegionMention] = []
        i = 0
        while i < len(text):
            hit = None
            # one set test at each position rather than a slice and a dict test per name length
            lengths = range(min(self._max_len, len(text) - i), 1, -1) if text[i:i + 2] in self._openings else ()
            for length in lengths:
                name = text[i:i + length]
                # most substrings name nothing: a dict test before the call that resolves one
                region = self.resolve(name, within) if name in self._by_name else None
                if region is not None:
                    hit = RegionMention(region, i, i + length)
                    break
            if hit is None:
                i += 1
            else:
                out.append(hit)
                i = hit.end
        return tuple(out)


def _most_prominent(regions: list[Region]) -> Region:
    return min(regions, key=lambda r: (r.depth, r.code))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    regions = [
        Region(
            code=row["region_code"],
            name=row["region_name"],
            short_name=row["short_name"],
            level=row["level"],
            parent_code=row["parent_code"],
            province_code=row["province_code"],
        )
        for row in rows("regions.csv")
        # The country row exists for dim_region; as a place name 全国 names no facility's site.
        if row["level"] != "country"
    ]
    return Gazetteer(regions)


def place_of(name: str, doc_region: str) -> str:
    """The county or city a project name places it in, else the document's region.

    Only divisions strictly inside the document's region count (for a provincial report, any in
    the province; for a national one, any): 浙江天诺 and 丽水至温州 in a 丽水市 report stay in
    丽水市. Among several, the deepest first-named one wins (国能浙江遂昌… → 遂昌县).
    """
    gaz = gazetteer()
    home = gaz.region_named(doc_region) if doc_region else None
    best: RegionMention | None = None
    placed: list[RegionMention] = []
    for m in gaz.mentions(name, home):
        if home is not None and gaz.contains(m.region, home):
            continue  # the document's own region or an ancestor of it adds nothing
        if home is not None and m.region.province_code != home.province_code:
            continue  # 南明 in a Zhejiang name is a word, not Guiyang's district
        if home is not None and home.level != "province" and not gaz.contains(home, m.region):
            continue  # 丽水至温州城际铁路 in a 丽水市 report is 丽水's project, not 温州's
        if home is None and m.region.level == "county" and name[m.start:m.end] != m.region.name:
            continue  # nationwide, a county's short name (通道, 朝阳) is too often a plain word
        placed.append(m)
        if best is None or m.region.depth > best.region.depth:
            best = m
    pair = _joined_pair(name, placed)
    if pair:
        return pair
    if best is not None:
        return best.region.name
    return doc_region or ""


def _joined_pair(name: str, placed: list[RegionMention]) -> str:
    """诸暨至嵊州高速公路 joins two divisions and lies in both: "诸暨市、嵊州市"."""
    if len(placed) < 2:
        return ""
    a, b = placed[0], placed[1]
    if a.start != 0 or name[a.end:b.start] not in _JOINING or a.region == b.region:
        return ""
    if a.region.level == "county" and b.region.level == "city" and _contains_code(b.region, a.region):
        return ""
    return f"{a.region.name}、{b.region.name}"


# the words that join a line's two ends: 诸暨至嵊州, 杭州—宁波
_JOINING = frozenset({"至", "—", "-", "－", "到"})


def _contains_code(outer: Region, inner: Region) -> bool:
    return gazetteer().contains(outer, inner)


def region_code_of(region_name: str, doc_region: str = "") -> str | None:
    """The code of a region name as extraction writes it (place_of's result), for joining to
    dim_region: resolved within the document's region, since full names repeat (朝阳区)."""
    gaz = gazetteer()
    home = gaz.region_named(doc_region) if doc_region else None
    # a line between two divisions (诸暨市、嵊州市) joins on the one its name opens with
    region_name = region_name.split("、")[0]
    exact = gaz.region_named(region_name)
    if exact is not None:
        return exact.code
    region = gaz.resolve(region_name, home)
    return region.code if region is not None else None
