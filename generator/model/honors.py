"""Honor levels: the one ordering every output uses (national first)."""

LEVELS = ("national", "provincial", "municipal", "county")

LEVEL_LABELS = {
    "national": "全国级",
    "provincial": "省级",
    "municipal": "市级",
    "county": "区县级",
}


def level_rank(level: str) -> int:
    """0 for national … 3 for county; unknown levels sort last."""
    try:
        return LEVELS.index(level)
    except ValueError:
        return len(LEVELS)
