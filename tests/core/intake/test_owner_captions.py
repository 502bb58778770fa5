"""A photo's caption presents no plan: "X网站公布的…进展情况截图" shows a page, even when a
damaged page runs it into the title and the body; the body that discloses (披露) the
figures does (issue 15, owner round of the cold batches)."""

from luoshi.core.intake import owners as own

BODY = "2026年青湖省重点项目建设有序推进。省发展改革委今日披露,一季度完成投资180亿元。"


def test_a_caption_on_a_line_of_its_own_presents_nothing():
    text = "青湖省发改委网站公布的2026年重点项目进展情况截图\n\n" + BODY
    assert [name for _pos, name in own.reporters(text)] == ["省发展改革委"]


def test_a_caption_run_into_the_title_and_the_body_presents_nothing():
    text = "青湖重点项目累计投资180亿青湖省发改委网站公布的2026年重点项目进展情况截图" + BODY
    assert [name for _pos, name in own.reporters(text)] == ["省发展改革委"]


def test_a_body_that_publishes_its_plan_still_presents_it():
    text = "青湖省发改委网站公布了2026年重点项目投资计划。今年共安排省重点项目105个。"
    assert [name for _pos, name in own.reporters(text)] == ["青湖省发改委"]


def test_a_credit_run_into_the_next_sentence_is_no_part_of_its_subject():
    s = "胡某某摄青湖省发展和改革委员会要确保完成投资3500亿元以上。"
    assert own.subject_owner(s, 0, len(s)) == "青湖省发展和改革委员会"


def test_a_preposition_or_a_verb_in_front_of_a_place_makes_no_organisation():
    assert not own.is_organisation("根据临川市")
    assert not own.is_organisation("夯实林区")
    assert not own.is_organisation("独立运营临川市急救指挥中心")
    assert own.is_organisation("临川市急救指挥中心")
