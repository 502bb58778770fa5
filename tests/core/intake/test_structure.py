"""Repair, owners, tables, zero/floor/milestone items."""

from luoshi.core.intake import extract
from luoshi.core.intake.extract import ITEM_KEYS, OPTIONAL_KEYS


def test_items_have_exactly_the_contract_keys():
    items = extract("2025年目标:增长5%—6%,新增就业1万人。").items
    assert items
    for it in items:
        assert set(it) - set(OPTIONAL_KEYS) == set(ITEM_KEYS)


def test_offsets_point_into_the_repaired_text():
    result = extract("# source: x\n規(guī)劃目標:２０２５年新增就業６﹒９萬人。")
    assert "(guī)" not in result.text
    assert "# source" not in result.text
    (item,) = result.items
    assert result.text[item["start"] : item["end"]] == item["snippet"]
    assert item["value"] == 69000
    assert item["unit"] == "人"


def test_source_index_maps_back_to_the_input():
    raw = "# source: x\n全國計劃新開工改造老舊小區２﹒５萬個。"
    result = extract(raw)
    assert len(result.source_index) == len(result.text)
    (item,) = result.items
    first = result.source_index[item["start"]]
    assert raw[first] == item["snippet"][0] or raw[first] in "全"


def test_column_break_is_joined_and_duplicate_paragraph_reported_once():
    text = (
        "### 市商务局\n\n全年签约项目不少于50个,落地项目不少\n\n于20个。\n\n"
        "全年签约项目不少于50个,落地项目不少于20个。\n"
    )
    result = extract(text, year=2025)
    assert "不少于20个" in result.text
    values = sorted(it["value"] for it in result.items)
    assert values == [20.0, 50.0]
    assert {it["owner"] for it in result.items} == {"市商务局"}


def test_page_furniture_is_not_content():
    text = (
        "第3版\n文      号 洪政办〔2025〕1号\n发布时间:2025-01-06 10:00\n"
        "作者:本站编辑      2026-03-09 17:51:00     0\n点击蓝字,关注我们\n浏览次数: 1234\n"
        "2025年1-4月县重点项目计划完成表.xls\n"
    )
    assert extract(text).items == []


def test_owner_from_headings_and_bylines_with_a_continued_column():
    text = (
        "### 市住建局\n\n力争全年新建商品房销售面积同比增长5%。\n\n"
        "### 市自然资源局\n\n严格落实耕地保护政策。坚决打\n\n"
        "### 市商务局\n\n全年签约项目不少于50个。组织企业参加交易会,探\n\n"
        "抓好村镇建设。确保农村生活垃圾日产日清,推进住建领域燃气安全。\n\n(本报记者 甲)\n\n"
        "起耕地保护的主体责任,确保补充耕地数量不减、质量有提高。\n\n(本报记者 乙)\n\n"
        "索跨境电商新业态。全年落地项目不少于20个,外贸企业交易会。\n\n(本报记者 丙)\n"
    )
    items = extract(text, year=2025).items
    by = {(it["target_kind"], it["value"], it["comparator"]): it["owner"] for it in items}
    assert by[("growth", 5.0, ">=")] == "市住建局"
    assert by[("cumulative", 50.0, ">=")] == "市商务局"
    assert by[("zero", 0.0, "=")] == "市住建局"
    assert by[("floor", None, ">=")] == "市自然资源局"
    assert by[("floor", None, ">")] == "市自然资源局"
    assert by[("cumulative", 20.0, ">=")] == "市商务局"


def test_numbered_heading_names_the_owner():
    text = "一、市住建局\n全年改造老旧小区120个。\n二、市交通局\n全年新建公路80公里。\n"
    items = extract(text, year=2025).items
    assert [(it["owner"], it["value"]) for it in items] == [("市住建局", 120.0), ("市交通局", 80.0)]


def test_owner_phrases():
    items = extract("全年新增绿地100亩(市园林局负责)。", year=2025).items
    assert items[0]["owner"] == "市园林局"
    items = extract("由市商务局牵头,全年新增限上企业30户。", year=2025).items
    assert items[0]["owner"] == "市商务局"
    items = extract("据哈市住建局介绍,哈市将改造场站7座。", year=2025).items
    assert items[0]["owner"] == "哈市住建局"


def test_no_owner_gives_null_not_a_guess():
    items = extract("全年新增就业1万人。", year=2025).items
    assert items[0]["owner"] is None


def test_statistic_owner_is_the_region_described():
    items = extract("2024年,安徽全省进出口同比增长5%,广东增长9.8%。", year=2025).items
    assert [it["owner"] for it in items] == ["安徽省", "广东省"]


def test_flattened_table_rows_keep_their_unit_and_deadline():
    text = (
        "2025年重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n"
        "1 |\n力争全年盘活僵尸企业10家,盘活存量土地400亩。 |\n张三 |\n改革办 |\n全年 |\n"
        "2 |\n完成污水管网改造12公里。 |\n李四 |\n规划建设局 |\n2025年6月底前 |\n"
    )
    items = extract(text).items
    got = [(it["owner"], it["value"], it["unit"], it["period"]) for it in items]
    assert ("改革办", 10.0, "家", "2025") in got
    assert ("改革办", 400.0, "亩", "2025") in got
    assert ("规划建设局", 12.0, "公里", "2025-06-30") in got


def test_pipe_table_with_merged_cell_and_milestone():
    text = (
        "| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 全年新建5G基站300个 | 市工信局 | 2025年12月底前 |\n"
        "| 2 | 制定出台数字经济发展实施意见 | 市发改委 | 2025年6月30日前 |\n"
    )
    items = extract(text).items
    got = {(it["target_kind"], it["owner"], it["period"]) for it in items}
    assert ("cumulative", "市工信局", "2025") in got  # a year-end deadline is the plan year
    assert ("milestone", "市发改委", "2025-06-30") in got


def test_zero_floor_and_milestone_items():
    text = (
        "到2026年底,力争坚决杜绝重特大事故,推动重大事故隐患动态清零。"
        "确保永久基本农田数量不减、质量不降、用途不变。"
        "各责任单位于2025年1月20日前书面报送工作方案。"
    )
    items = extract(text, year=2025).items
    kinds = [(it["target_kind"], it["comparator"], it["value"], it["unit"]) for it in items]
    assert kinds.count(("zero", "=", 0.0, None)) == 2
    assert ("floor", ">=", None, None) in kinds
    assert ("floor", "=", None, None) in kinds
    milestones = [it for it in items if it["target_kind"] == "milestone"]
    assert [(m["comparator"], m["period"], m["owner"]) for m in milestones] == [
        ("none", "2025-01-20", "各责任单位")
    ]


def test_a_list_of_reporting_deadlines_gives_one_milestone_per_date():
    text = "各牵头单位将各季度完成情况于20254月8日、7月8日及10月8日前报送区政府督查室。"
    items = extract(text).items
    assert [it["period"] for it in items] == ["2025-04-08", "2025-07-08", "2025-10-08"]


def test_periods():
    text = (
        "2025年工作进展\n2024年前三季度,全省工业增加值同比增长6.3%。"
        "1-4月累计完成投资21亿元。"
        "到2027年,建成蔬菜基地10万亩。"
    )
    items = extract(text, year=2025).items
    assert [it["period"] for it in items] == ["2024Q1-Q3", "2025M01-M04", "2027"]


def test_year_option_applies_when_the_text_has_no_year():
    assert extract("全年新增就业1万人。", year=2030).items[0]["period"] == "2030"
    assert extract("2025年全年新增就业1万人。", year=2030).items[0]["period"] == "2025"


def test_spam_words_injected_mid_sentence_are_removed():
    spam = "星空体育"
    text = (
        f"{spam}哈市燃气管道总长1.98万公里,其中市政管道0.45万公里{spam}、庭院管道0.31万公里。\n"
        f"据哈市住建局介绍{spam},哈市将更新修复防腐层破损627处,改造30处{spam},改造场站7座。\n"
        f"推动学校{spam}、医院等场所改造。"
    )
    result = extract(text, year=2025)
    assert spam not in result.text
    assert {it["value"] for it in result.items} >= {19800.0, 4500.0, 3100.0, 627.0, 30.0, 7.0}


def test_repeated_policy_phrases_are_not_spam():
    text = (
        "".join(f"{verb}高质量发展," for verb in ("推动", "实现", "促进", "推进", "引领", "服务"))
        + "全年新增就业1万人。"
    )
    assert "高质量发展" in extract(text).text


def test_percent_words_quarters_and_deadlines_in_the_sentence():
    items = extract("2025年目标:城镇调查失业率控制在百分之五点五以内。", year=2025).items
    assert [(i["value"], i["unit"], i["comparator"]) for i in items] == [(5.5, "%", "<=")]
    items = extract("2025年一季度,全市地区生产总值同比增长5.2%。").items
    assert [(i["kind"], i["period"]) for i in items] == [("statistic", "2025Q1")]
    items = extract("6月底前完成老旧小区改造100个。", year=2025).items
    assert [(i["kind"], i["comparator"], i["period"]) for i in items] == [
        ("target", ">=", "2025-06-30")
    ]


def test_unit_name_before_a_colon_owns_the_paragraph():
    items = extract("市商务局:全年签约项目不少于50个。", year=2025).items
    assert items[0]["owner"] == "市商务局"


def test_review_section_plan_sections_and_comparison_bases():
    text = (
        "青江县2025年国民经济和社会发展计划执行情况\n"
        "（一）县发展改革局\n"
        "1.全年新增入库项目120个以上,比上年增长15%。单位能耗较上年下降3%左右。\n"
        "二、2024年主要指标完成情况\n"
        "2024年,全县地区生产总值完成285.6亿元,比上年增长6.1%;规上工业增加值增长8.2%。\n"
        "三、2026年主要预期目标\n"
        "2026年全县地区生产总值增长6%以上,城镇新增就业3000人。\n"
    )
    got = [(i["kind"], i["value"], i["owner"], i["period"]) for i in extract(text).items]
    assert got == [
        ("target", 120.0, "县发展改革局", "2025"),
        ("target", 15.0, "县发展改革局", "2025"),
        ("target", 3.0, "县发展改革局", "2025"),
        ("statistic", 2.856e10, "青江县", "2024"),
        ("statistic", 6.1, "青江县", "2024"),
        ("statistic", 8.2, "青江县", "2024"),
        ("target", 6.0, "青江县", "2026"),
        ("target", 3000.0, "青江县", "2026"),
    ]


def test_markdown_sections_traditional_script_and_a_goal_at_the_end_of_the_sentence():
    text = (
        "# 2025年民生實事項目責任分工\n\n## 一、市教育局\n\n"
        "新建、改擴建中小學１２所，新增學位１．５萬個，力爭9月底前全部投入使用。\n\n"
        "## 二、市衛生健康委\n\n全年新增醫療衛生機構床位８００張以上。\n\n"
        "## 三、區縣\n\n| 任務 | 責任單位 | 完成時限 |\n|---|---|---|\n"
        "| 改造農村危房1200戶 | 各區縣政府 | 2025年11月30日前 |\n"
        "| 新建村級養老服務站30個 | 市民政局、各區縣政府 | 全年 |\n"
    )
    got = [(i["value"], i["unit"], i["owner"], i["period"]) for i in extract(text).items]
    assert got == [
        (12.0, "所", "市教育局", "2025-09-30"),
        (15000.0, "个", "市教育局", "2025-09-30"),
        (800.0, "张", "市卫生健康委", "2025"),
        (1200.0, "户", "各区县政府", "2025-11-30"),
        (30.0, "个", "市民政局、各区县政府", "2025"),
    ]


def test_publisher_of_a_plan_page_owns_its_untitled_targets():
    text = (
        "发布时间:2025-02-18 来源:市交通运输局\n\n# 2025年全市交通运输工作要点\n\n"
        "全年完成交通固定资产投资120亿元,同比增长8%。\n\n"
        "各县(市、区)交通运输部门要于2025年3月10日前将工作方案报市交通运输局。\n"
    )
    got = [(i["target_kind"], i["owner"], i["period"]) for i in extract(text).items]
    assert got == [
        ("cumulative", "市交通运输局", "2025"),
        ("growth", "市交通运输局", "2025"),
        ("milestone", "各县(市、区)交通运输部门", "2025-03-10"),
    ]


def test_a_number_cut_by_a_page_break_with_a_masthead_inside_is_read_whole():
    text = (
        "市住建局2025年工作安排\n\n全年新建保障性住房\n\n辽源日报 2025年1月20日 星期一 第3版\n\n"
        "3000套,改造老旧小区12\n\n0个。\n"
    )
    got = [(i["value"], i["unit"], i["owner"]) for i in extract(text).items]
    assert got == [(3000.0, "套", "市住建局"), (120.0, "个", "市住建局")]


def test_a_short_title_is_not_joined_to_the_first_paragraph():
    text = "全市招商引资工作部署会召开\n\n会议要求全年新签约项目40个以上。\n"
    result = extract(text, year=2026)
    assert "召开\n" in result.text


def test_a_statistical_bulletin_on_last_year_is_all_statistics():
    text = (
        "南河市2024年国民经济和社会发展统计公报\n南河市统计局\n2025年3月20日\n一、综合\n"
        "初步核算，全年全市地区生产总值2856.3亿元，比上年增长5.6%。全年城镇新增就业5.2万人。\n"
    )
    got = [(i["kind"], i["owner"], i["period"]) for i in extract(text).items]
    assert got == [("statistic", "南河市", "2024")] * 3


def test_each_clause_keeps_its_own_responsibility_marker():
    text = "新增高标准农田2万亩(市农业农村局负责),新建乡村振兴示范村10个(市委农办牵头)。"
    got = [(i["kind"], i["owner"]) for i in extract(text, year=2025).items]
    assert got == [("target", "市农业农村局"), ("target", "市委农办")]


def test_rising_to_a_year_is_not_a_target_year():
    items = extract("投资额由2023年的50亿元增至2024年的68亿元,增长36%。", year=2025).items
    assert [(i["kind"], i["period"]) for i in items] == [
        ("statistic", "2023"),
        ("statistic", "2024"),
        ("statistic", "2024"),
    ]


def test_lead_unit_phrases_without_brackets():
    items = extract("全年新建充电桩500个,市发改委牵头,市财政局配合。", year=2025).items
    assert [i["owner"] for i in items] == ["市发改委"]
    text = "全年新建充电桩500个。新增公交线路5条。责任单位:市交通运输局、市住建局"
    items = extract(text, year=2025).items
    # several units named: the first leads, the others cooperate (DESIGN.md §5)
    assert [(i["owner"], i["co_owners"]) for i in items] == [("市交通运输局", ["市住建局"])] * 2


def test_a_unit_alone_on_a_line_opens_its_section():
    text = (
        "市住建局\n全年改造老旧小区120个。\n（本报记者 甲）\n\n"
        "市交通局\n全年新建公路80公里。\n（本报记者 乙）\n"
    )
    items = extract(text, year=2025).items
    assert [(i["owner"], i["value"]) for i in items] == [("市住建局", 120.0), ("市交通局", 80.0)]
