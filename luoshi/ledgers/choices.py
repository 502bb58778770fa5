"""Choice sets of the ledgers. Order matters: stages and statuses are paths."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Stage(models.TextChoices):
    """The investment-project path 洽谈 → 签约 → 落地 → 开工 → 投产."""

    NEGOTIATING = "negotiating", _("洽谈")
    SIGNED = "signed", _("签约")
    LANDED = "landed", _("落地")
    STARTED = "started", _("开工")
    PRODUCING = "producing", _("投产")

    @classmethod
    def rank(cls, stage: str) -> int:
        return list(cls.values).index(stage)


# Bootstrap colour of each stage's badge ("secondary" for a dropped project).
STAGE_COLOURS = {
    "negotiating": "light",
    "signed": "warning",
    "landed": "info",
    "started": "primary",
    "producing": "success",
}


class HazardDomain(models.TextChoices):
    GAS = "gas", _("燃气")
    FIRE = "fire", _("消防")
    CONSTRUCTION = "construction", _("建筑施工")
    ROAD = "road", _("道路交通")
    MINING = "mining", _("矿山")
    CHEMICALS = "chemicals", _("危化品")
    EQUIPMENT = "equipment", _("特种设备")
    OTHER = "other", _("其他")


class PlaceKind(models.TextChoices):
    HOSPITAL = "hospital", _("医院")
    SCHOOL = "school", _("学校")
    CARE_HOME = "care_home", _("养老机构")
    SMALL_VENUE = "small_venue", _("九小场所")
    HIGH_RISE = "high_rise", _("高层建筑")
    FACTORY = "factory", _("工矿企业")
    MARKET = "market", _("商场市场")
    RESIDENTIAL = "residential", _("居民小区")
    OTHER = "other", _("其他")


class HazardLevel(models.TextChoices):
    ORDINARY = "ordinary", _("一般")
    MAJOR = "major", _("重大")


class HazardStatus(models.TextChoices):
    """open → rectifying → rectified (by the unit) → closed (verified), or reopened."""

    OPEN = "open", pgettext_lazy("hazard status", "Open")
    RECTIFYING = "rectifying", _("Rectifying")
    RECTIFIED = "rectified", _("Rectified, awaiting verification")
    CLOSED = "closed", _("Verified closed")
    REOPENED = "reopened", _("Reopened")


# Bootstrap colour of each status's badge.
HAZARD_STATUS_COLOURS = {
    "open": "danger",
    "reopened": "danger",
    "rectifying": "warning",
    "rectified": "info",
    "closed": "success",
}

# A hazard counts as open (not yet eliminated) in every status but `closed`.
HAZARD_OPEN_STATUSES = frozenset(
    {HazardStatus.OPEN, HazardStatus.RECTIFYING, HazardStatus.RECTIFIED, HazardStatus.REOPENED}
)
# Allowed moves of a hazard, and who makes them: the unit, or a verifier (supervisor/inspector).
HAZARD_MOVES: dict[str, set[str]] = {
    HazardStatus.OPEN: {HazardStatus.RECTIFYING, HazardStatus.RECTIFIED},
    HazardStatus.REOPENED: {HazardStatus.RECTIFYING, HazardStatus.RECTIFIED},
    HazardStatus.RECTIFYING: {HazardStatus.RECTIFIED},
    HazardStatus.RECTIFIED: {HazardStatus.CLOSED, HazardStatus.REOPENED},
    HazardStatus.CLOSED: {HazardStatus.REOPENED},
}
VERIFIER_MOVES = frozenset({HazardStatus.CLOSED, HazardStatus.REOPENED})
