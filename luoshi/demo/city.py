"""The demo city 青禾市: fictional units and people, written for this project.

`luoshi load_demo` loads it once; running it again changes nothing. Every demo
person has the password DEMO_PASSWORD.
"""

from django.db import transaction

from luoshi.orgs.choices import Role, UnitKind
from luoshi.orgs.models import Membership, Unit, User

DEMO_PASSWORD = "luoshi-demo"  # noqa: S105 - the demo's published password (README)
CITY_CODE = "qh"

# (code, parent code, kind, name, short name)
UNITS = [
    ("qh", None, UnitKind.CITY, "青禾市人民政府", "青禾市"),
    ("qh-dcs", "qh", UnitKind.DEPARTMENT, "市政府办公室督查室", "督查室"),
    ("qh-fgw", "qh", UnitKind.DEPARTMENT, "市发展和改革委员会", "市发展改革委"),
    ("qh-swj", "qh", UnitKind.DEPARTMENT, "市商务局", "市商务局"),
    ("qh-zjj", "qh", UnitKind.DEPARTMENT, "市住房和城乡建设局", "市住建局"),
    ("qh-zrzy", "qh", UnitKind.DEPARTMENT, "市自然资源局", "市自然资源局"),
    ("qh-yjj", "qh", UnitKind.DEPARTMENT, "市应急管理局", "市应急局"),
    ("qh-gxj", "qh", UnitKind.DEPARTMENT, "市工业和信息化局", "市工信局"),
    ("qh-tjj", "qh", UnitKind.DEPARTMENT, "市统计局", "市统计局"),
    ("qh-dh", "qh", UnitKind.DISTRICT, "东湖区人民政府", "东湖区"),
    ("qh-dh-yh", "qh-dh", UnitKind.TOWN, "云河街道办事处", "云河街道"),
    ("qh-dh-yh-xy", "qh-dh-yh", UnitKind.COMMUNITY, "杏园社区居民委员会", "杏园社区"),
    ("qh-xs", "qh", UnitKind.DISTRICT, "西山县人民政府", "西山县"),
    ("qh-xs-sq", "qh-xs", UnitKind.TOWN, "石桥镇人民政府", "石桥镇"),
    ("qh-xs-sq-lt", "qh-xs-sq", UnitKind.COMMUNITY, "柳塘村民委员会", "柳塘村"),
]

# (username, full name, [(unit code, role)], is_staff)
PEOPLE = [
    ("admin", "系统管理员", [("qh", Role.ADMIN)], True),
    ("supervisor", "周明远", [("qh-dcs", Role.SUPERVISOR)], False),
    ("supervisor2", "林晓岚", [("qh-dcs", Role.SUPERVISOR)], False),
    ("leader", "陈国栋", [("qh", Role.LEADER)], False),
    ("deputy-leader", "王静怡", [("qh", Role.LEADER)], False),
    ("dev-approver", "赵立新", [("qh-fgw", Role.APPROVER)], False),
    ("dev-reporter", "孙雨桐", [("qh-fgw", Role.REPORTER)], False),
    ("commerce-approver", "刘海波", [("qh-swj", Role.APPROVER)], False),
    ("commerce-reporter", "张思琪", [("qh-swj", Role.REPORTER)], False),
    ("housing-approver", "黄建华", [("qh-zjj", Role.APPROVER)], False),
    ("housing-reporter", "吴佳慧", [("qh-zjj", Role.REPORTER)], False),
    ("resources-approver", "郑永康", [("qh-zrzy", Role.APPROVER)], False),
    ("resources-reporter", "何若溪", [("qh-zrzy", Role.REPORTER)], False),
    ("safety-approver", "马卫东", [("qh-yjj", Role.APPROVER)], False),
    ("safety-reporter", "许安然", [("qh-yjj", Role.REPORTER)], False),
    ("industry-reporter", "罗嘉豪", [("qh-gxj", Role.REPORTER)], False),
    ("stats-reporter", "宋雅琴", [("qh-tjj", Role.REPORTER)], False),
    ("donghu-approver", "高振宇", [("qh-dh", Role.APPROVER)], False),
    ("donghu-reporter", "唐梦瑶", [("qh-dh", Role.REPORTER)], False),
    ("yunhe-reporter", "冯子轩", [("qh-dh-yh", Role.REPORTER)], False),
    ("xishan-approver", "曹德明", [("qh-xs", Role.APPROVER)], False),
    ("xishan-reporter", "彭诗涵", [("qh-xs", Role.REPORTER), ("qh-xs-sq", Role.REPORTER)], False),
]


def demo_loaded() -> bool:
    return Unit.objects.filter(code=CITY_CODE).exists()


@transaction.atomic
def load_demo() -> bool:
    """Load the demo city. Returns False (and changes nothing) if it is already there."""
    if demo_loaded():
        return False
    units: dict[str, Unit] = {}
    for code, parent, kind, name, short_name in UNITS:
        units[code] = Unit.objects.create(
            code=code,
            parent=units[parent] if parent else None,
            kind=kind,
            name=name,
            short_name=short_name,
        )
    for username, full_name, roles, is_staff in PEOPLE:
        user = User(
            username=username,
            full_name=full_name,
            is_staff=is_staff,
            is_superuser=username == "admin",
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        for code, role in roles:
            Membership.objects.create(user=user, unit=units[code], role=role)
    return True


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, full name, roles) of every demo person, for printing."""
    names = {code: short for code, _, _, _, short in UNITS}
    return [
        (username, full_name, "、".join(f"{names[code]}·{role.label}" for code, role in roles))
        for username, full_name, roles, _ in PEOPLE
    ]
