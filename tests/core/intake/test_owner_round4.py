"""Owners that are not organisations, round 4 (issue 15, cold failures of batches 27-28).

Invented names: an owner is an organisation, a government or a named group of
units; a room, a paper's wording, a slogan or a fragment cut out of a sentence is
none, and the engine then leaves the owner to another rule or to null.
"""

import pytest

from luoshi.core.intake.owners import is_organisation


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        # owners.vetoes: a meeting's venue ends in 厅/中心 but is a room
        ("市政务服务中心三楼报告厅", False),
        ("区行政中心第一会议室", False),
        ("市人民礼堂", False),
        ("市政务服务中心", True),
        ("省住房和城乡建设厅", True),
        # owners.vetoes: a motion's wording (…报告提请自治区…) is a paper, not its government
        ("计划报告提请自治区", False),
        ("自治区发改委", True),
        # owners.not_endings: a slogan's pair (二产看市, 三产看县) measures a sector by a level
        ("三产看县", False),
        ("二产看市", False),
        ("县看守所", True),
        # owners.not_places: an organ before its government (省委省政府 cut to 省委省)
        ("省委省", False),
        ("市委市", False),
        ("省委", True),
        ("市委办", True),
        # owners.not_places: an inside word (市内县际间)
        ("市内县", False),
        ("内江市", True),
        # owners.not_starts: a verb before the levels it lists (列入省市十大实事)
        ("列入省市", False),
        ("列入县", False),
        ("临川市", True),
    ],
)
def test_a_room_a_paper_a_slogan_or_a_fragment_owns_nothing(name, owner):
    assert is_organisation(name) is owner
