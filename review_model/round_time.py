"""The round's clock: instants are stored in UTC and shown in the round's time zone everywhere,
on screen and on paper alike, whatever the laptop's own time zone is set to.

Shenzhen keeps China Standard Time, UTC+8 all year (no daylight saving since 1991), so a fixed
offset is exact and needs no time-zone database (Windows has none without the tzdata package).
"""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

ROUND_TIME_ZONE = timezone(timedelta(hours=8), "Asia/Shanghai")


def in_round_time(moment: datetime) -> datetime:
    """`moment` on the round's clock; a naive value is taken as UTC (how the store keeps time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ROUND_TIME_ZONE)


def now() -> datetime:
    return datetime.now(UTC).astimezone(ROUND_TIME_ZONE)


def clock(moment: datetime) -> str:
    """'09:53:07'"""
    return f"{in_round_time(moment):%H:%M:%S}"


def short(moment: datetime) -> str:
    """'07-15 09:53' (notes, photos, search hits)"""
    return f"{in_round_time(moment):%m-%d %H:%M}"


def full(moment: datetime) -> str:
    """'2026-07-15 09:53'"""
    return f"{in_round_time(moment):%Y-%m-%d %H:%M}"
