"""Builders for the core materials: application form, licence, credit letter, staff and apprentice rosters,
training record, rules. Each writes exactly n pages (cover included) through a `Ctx`."""
from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..carriers import ENTITY_KIND_NAMES, OFFICIAL_NAMES
from . import corpus as C
from . import documents as D
from .context import W_L, W_P, YEARS, Ctx, boxed, cn_num, equipment_rows, ledger_rows, section, split, stats_rows
from .pages import (
    A4_W,
    MARGIN_X,
    Canvas,
    Unit,
    pages_needed,
    u_break,
    u_heading,
    u_para,
    u_row,
    u_space,
    u_table,
    u_title,
)


def build_form(x: Ctx, n: int) -> None:
    a, p, chain = x.a, x.p, x.a.carrier_type == "chain_leader"
    x.cover()
    text_n, sign_n = split(n - 1, (1, 1), (1, 0))
    title = "深圳市产教评技能生态链链主培育孵化单位申报表" if chain else "深圳市终身职业技能培训载体认定申报表"
    checks = "　".join(("■" if k == a.carrier_type else "□") + OFFICIAL_NAMES[k] for k in ("training_base", "master_studio", "rural_station"))

    def units() -> Iterator[Unit]:
        yield u_title(title, 16, toc=1)
        yield from u_para(f"申报单位（盖章）：{a.name}　　　填报日期：2026年6月{x.rng.randint(2, 12)}日", W_P, 10, indent=0)
        if not chain:
            yield from u_para(f"载体类型：{checks}", W_P, 10, indent=0)
        L, V = 0.2, 0.3
        rows = [[("单位名称", L), (a.name, 1 - L)], [("统一社会信用代码", L), (a.uscc, V), ("单位性质", L), (ENTITY_KIND_NAMES[a.entity_kind], V)],
                [("法定代表人", L), (a.legal_representative, V), ("成立时间", L), (f"{p['founded']}年", V)],
                [("注册地址", L), (a.address, 1 - L)], [("所属产业", L), (f"{a.industry}（{p['cluster']}）", 1 - L)],
                [("联系人及电话", L), (a.contact, V), ("职工总数", L), (f"{p['staff']}人", V)],
                [("在深参保人数", L), (f"{p['insured']}人", V), ("高技能人才", L), (f"{p['high']}人", V)],
                [("载体名称", L), (p["carrier_name"], 1 - L)]]
        if a.leader:
            role = {"master_studio": "领办人", "rural_station": "站长", "chain_leader": "项目负责人"}.get(a.carrier_type, "基地负责人")
            rows.append([(role, L), (a.leader, V), ("职业技能等级", L), ("一级/高级技师" if a.carrier_type == "master_studio" else "二级/技师", V)])
        rows += [[("场地面积", L), (f"{p['area']}平方米", V), ("设备总值", L), (f"{p['equip']}万元", V)],
                 [("近三年培训人次", L), ("；".join(f"{y}年{s['trainees']}人次" for y, s in p["yearly"].items()), 1 - L)]]
        if chain:
            rows += [[("企业规模", L), ("大型企业", V), ("拟带动链员企业", L), (f"{x.rng.randint(6, 15)}家", V)],
                     [("自主评价备案", L), ("■是 □否", V), ("新型学徒制", L), ("■已开展 □未开展", V)],
                     [("合作院校", L), ("、".join(x.rng.sample(C.COLLEGES, 3)), 1 - L)], [("拟提供就业岗位", L), (f"{p['jobs']}个", 1 - L)]]
        for r in rows:
            yield u_row(r, W_P, 10, align="c", min_h=24)
        yield u_space(10)
        sections = ([("一、企业基本情况及优势", ("basic", "basic", "reason")), ("二、技能人才培养体系建设情况", ("chain", "training", "teachers")),
                     ("三、拟构建的技能生态链（技能岗位、标准开发、教学资源、过程管理、人才评价、培训就业、激励机制）", ("chain", "chain", "plan")),
                     ("四、技能培训、技能评价、产教融合、校企合作工作计划", ("plan", "coop", "chain"))] if chain else
                    [("一、申报单位基本情况", ("basic", "achievement")), ("二、申报理由", ("reason", "basic")), ("三、培训条件（场地、设备、师资）", ("site", "teachers")),
                     ("四、近三年工作开展情况", ("training", "rural" if a.carrier_type == "rural_station" else "master" if a.carrier_type == "master_studio" else "training")),
                     ("五、建设目标与工作计划", ("plan",))])
        for t, pools in sections:
            yield from boxed(x, t, pools, (2, 3) if text_n <= 5 else (3, 4))
        yield u_heading("附表1  近三年培训情况统计表", toc=2)
        yield from u_table(["年度", "培训期数", "培训人次", "取证人数", "高技能人才", "取证率"], [0.16] * 5 + [0.2], stats_rows(x), W_P)
        yield u_space(10)
        yield u_heading("附表2  主要培训设备清单", toc=2)
        yield from u_table(["序号", "设备名称", "型号", "数量", "购置时间", "金额(万元)", "状态"], [0.08, 0.3, 0.14, 0.08, 0.14, 0.14, 0.12],
                           equipment_rows(x)[:8], W_P)
        yield u_space(10)
        yield u_heading("附表3  骨干师资（成员）名单", toc=2)
        yield from u_table(["序号", "姓名", "性别", "身份证号", "职业（工种）", "等级/职称", "证书编号", "类别"],
                           [0.06, 0.1, 0.06, 0.2, 0.18, 0.14, 0.18, 0.08], itertools.islice(x.person_rows("teacher"), p["teachers"]), W_P, 8.5)
        yield u_space(10)
        yield u_heading(f"附表4  {YEARS[-1]}年培训项目一览表", toc=2)
        yield from u_table(["序号", "培训项目", "职业（工种）", "等级", "起止时间", "人数", "合格", "合格率"],
                           [0.06, 0.24, 0.17, 0.12, 0.19, 0.07, 0.07, 0.08], ledger_rows(x, YEARS[-1]), W_P, 8.5)
    x.b.flow(units(), text_n)
    if sign_n:
        x.scan(lambda cv: D.sign_off(cv, x.rng, a.name, x.rng.randint(3, 15), chain), color=True)


def build_licence(x: Ctx, n: int) -> None:
    a, p, rng = x.a, x.p, x.rng
    x.cover()
    founded = f"{p['founded']}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日"
    kind = a.entity_kind
    if kind == "enterprise":
        title, issuer = "营业执照", "深圳市市场监督管理局"
        typ = "股份有限公司（非上市）" if "股份" in a.name else "有限责任公司"
        left = [("名    称", a.name), ("类    型", typ), ("法定代表人", a.legal_representative), ("经营范围", x.ind["scope"])]
        right = [("注册资本", f"人民币{p['capital']}万元"), ("成立日期", founded), ("住    所", a.address)]
    elif kind in ("vocational_college", "public_institution", "university"):
        title, issuer = "事业单位法人证书", "深圳市事业单位登记管理局"
        left = [("名    称", a.name), ("宗旨和业务范围", f"培养{a.industry}等领域技能人才，开展职业教育、职业技能培训与评价、技术服务。"),
                ("住    所", a.address)]
        right = [("法定代表人", a.legal_representative), ("经费来源", "财政补助"), ("开办资金", f"￥{p['capital'] * 2}万元"), ("举办单位", "深圳市人力资源和社会保障局")]
    else:
        assoc = kind == "association"
        title = "社会团体法人登记证书" if assoc else "民办非企业单位登记证书"
        issuer = "深圳市光明区民政局"
        left = [("名    称", a.name), ("业务范围", f"行业服务、技能培训、技术交流、标准研制、咨询服务（{a.industry}）" if assoc else x.ind["scope"]),
                ("住    所", a.address)]
        right = [("法定代表人", a.legal_representative), ("活动地域" if assoc else "开办资金", "深圳市光明区" if assoc else f"{rng.randint(10, 100)}万元"),
                 ("业务主管单位", "深圳市光明区人力资源局"), ("有效期", "2024年3月1日至2029年2月28日")]
    date = f"{rng.randint(2021, 2025)}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日"
    sheets = [lambda cv: D.licence(cv, rng, title, a.uscc, left, right, issuer, date)]
    if kind == "training_institution" or kind == "vocational_college":
        sheets.append(lambda cv: D.licence(cv, rng, "办学许可证", "", [("学校名称", a.name), ("学校地址", a.address), ("校长", a.legal_representative)],
                                           [("办学内容", "职业技能培训：" + "、".join(x.ind["occ"][:4])), ("有效期", "2023年7月至2028年7月")],
                                           "深圳市光明区人力资源局" if kind == "training_institution" else "深圳市人力资源和社会保障局", date,
                                           number=f"人社民4403{rng.randint(11000000, 11999999)}号"))
    for i in range(n - 1):
        if i == 0:  # the original, landscape: scanned the wrong way round, the page carries /Rotate
            x.scan(sheets[0], landscape=True, color=True, rotate=rng.choice((90, 270)))
        elif i < len(sheets):
            x.scan(sheets[i], landscape=True, color=True, sideways=rng.random() < 0.5)
        else:  # black-and-white copy stamped by the applicant
            sheet = sheets[i % len(sheets)]

            def copy(cv: Canvas, s=sheet, i=i) -> None:
                s(cv)
                cv.text_turned(260, 380, "与原件一致  仅供载体认定申报使用", 20, -12, color=(0.2, 0.2, 0.2))
                D.seal(cv, 520, 360, a.name, i, r=54)
            x.scan(copy, landscape=True, faded=rng.random() < 0.4, sideways=True)


def build_letter(x: Ctx, n: int) -> None:
    a, rng = x.a, x.rng
    x.cover()
    items = ["本单位依法设立、合法经营，近三年内无违法、失信等不良行为记录，未被列入严重失信主体名单。",
             "本单位提交的申报材料全部真实、准确、完整，不存在弄虚作假、重复申报等情形。",
             "本单位认定后将严格按照《深圳市终身职业技能培训载体认定和奖补管理办法》规范运行载体，确保资助资金专款专用。",
             "本单位自觉接受人力资源部门及社会各界的监督，配合做好实地考察、评估检查等工作。",
             "如违反上述承诺，本单位愿意承担相应法律责任，并接受撤销载体资格、追回资助资金、记入信用记录等处理。"]
    paras = ["为维护公平公正的评审秩序，本单位郑重承诺如下：", *[f"{'一二三四五'[i]}、{t}" for i, t in enumerate(items)]]
    x.b.text_page(lambda cv: D.letter(cv, rng, "信用承诺书", "深圳市光明区人力资源局：", paras, a.name, f"2026年6月{rng.randint(3, 15)}日"))
    for i in range(n - 2):
        if i == 0:
            def query(cv: Canvas) -> None:
                cv.text(0, 100, "“信用中国（广东深圳）”信用信息查询结果", 16, bold=True, align="c", width=cv.rect.width)
                y = 140
                for r in ([("查询主体", 0.3), (a.name, 0.7)], [("统一社会信用代码", 0.3), (a.uscc, 0.7)], [("查询时间", 0.3), ("2026年6月2日", 0.7)],
                          [("行政处罚信息", 0.3), ("未查询到相关记录", 0.7)], [("严重失信主体名单", 0.3), ("未查询到相关记录", 0.7)],
                          [("经营异常名录", 0.3), ("未查询到相关记录", 0.7)], [("信用承诺履约情况", 0.3), ("无不良履约记录", 0.7)]):
                    u = u_row(r, W_P, 11, min_h=30)
                    u.draw(cv, MARGIN_X, y, W_P)
                    y += u.h
                cv.text(MARGIN_X, y + 30, "说明：本查询结果仅反映查询时点系统记录情况，打印件加盖申报单位公章后有效。", 9.5)
                D.seal(cv, A4_W - 150, y + 90, a.name, 7, r=54)
            x.b.text_page(query)
        else:
            name, sex = a.legal_representative, "男"
            x.scan(lambda cv, name=name, sex=sex: D.id_card(cv, rng, name, sex, "仅供2026年度载体认定申报使用"), faded=rng.random() < 0.3)


def build_roster(x: Ctx, n: int) -> None:
    x.cover()
    teachers = list(itertools.islice(x.person_rows("teacher"), x.p["teachers"]))
    levels = [sum(1 for r in teachers if r[5] == lvl and r[7] == kind) for lvl in C.LEVELS[2:] for kind in ("专职", "兼职")]
    titled = [sum(1 for r in teachers if r[5] in C.TITLES and r[7] == kind) for kind in ("专职", "兼职")]

    def head() -> Iterator[Unit]:
        yield u_title("师资队伍基本情况", toc=1)
        yield from u_para(x.t("teachers"), W_P)
        rows = [[lvl, str(levels[2 * i]), str(levels[2 * i + 1])] for i, lvl in enumerate(C.LEVELS[2:])] + [["专业技术职称", str(titled[0]), str(titled[1])],
                                                                                                           ["合计", str(sum(levels) + sum(titled)) + "（专兼职合计）", ""]]
        yield from u_table(["等级/职称", "专职（人）", "兼职（人）"], [0.4, 0.3, 0.3], rows, W_P)
        yield u_space(8)
        yield u_heading("师资培训与考核情况", toc=2)
        for _ in range(2 if n < 16 else 5):
            yield from u_para(x.t("teachers", (2, 3)), W_P)

    def roster_units() -> list[Unit]:
        return [u_title("培训教师花名册", 15, toc=1), *u_table(["序号", "姓名", "性别", "身份证号", "职业（工种）", "等级/职称", "证书编号", "专/兼职"],
                                                              [0.05, 0.09, 0.05, 0.2, 0.2, 0.13, 0.2, 0.08], teachers, W_L, 9)]
    summary = x.b.flow_measured(list(head()), 1 if n < 16 else 2)
    roster = min(n - 1 - summary, pages_needed(roster_units(), landscape=True))
    certs = n - 1 - summary - roster
    filler = itertools.chain(roster_units(), [u_heading("续：兼职教师（企业导师）名单", toc=2)],
                             u_table(["序号", "姓名", "性别", "身份证号", "职业（工种）", "等级/职称", "证书编号", "专/兼职"],
                                     [0.05, 0.09, 0.05, 0.2, 0.2, 0.13, 0.2, 0.08], x.person_rows("teacher"), W_L, 9))
    x.b.flow(filler, roster, landscape=True, scan=lambda i: {"sideways": True, "faded": i % 4 == 3} if i % 3 == 2 else None)
    x.cert_scans(certs, lambda: (lambda r: (r[1], r[4], r[5] if r[5] in C.LEVELS else "三级/高级工"))(x.rng.choice(teachers)))


def build_apprentices(x: Ctx, n: int) -> None:
    a, rng = x.a, x.rng
    x.cover()
    apprentices = list(itertools.islice(x.person_rows("apprentice"), x.p["app"]))
    cols = (["序号", "姓名", "性别", "身份证号", "岗位（工种）", "入职时间", "拜师时间", "现等级", "指导师傅"], [0.05, 0.09, 0.05, 0.2, 0.2, 0.09, 0.09, 0.13, 0.1])

    def roster_units() -> list[Unit]:
        return [u_title("学徒花名册", 15, toc=1), *u_table(*cols, apprentices, W_L, 9)]
    story = 1 if n < 12 else 2
    roster = min(n - 1 - story, pages_needed(roster_units(), landscape=True))
    agree, certs = split(n - 1 - story - roster, (0, 1), (0, 1))

    def head() -> Iterator[Unit]:
        yield u_title("技艺传承与带徒情况说明", toc=1)
        for t, pools in (("一、领办人基本情况", ("master",)), ("二、带徒传技情况", ("master", "training")), ("三、技艺交流与推广", ("training", "master")),
                         ("四、下一步工作打算", ("plan",))):
            yield from section(x, t, pools, paras=(1, 2) if story == 1 else (2, 3))
    used = x.b.flow_measured(list(head()), story)
    agree += story - used
    for i in range(agree):
        name = apprentices[i % len(apprentices)][1]
        paras = [f"甲方（师傅）：{a.leader}　　乙方（徒弟）：{name}",
                 f"为传承技艺、培养技能人才，经{a.name}同意，甲乙双方自愿结成师徒关系，签订本协议。",
                 f"一、带徒期限：自{rng.choice(YEARS)}年{rng.randint(1, 12)}月起，为期两年。",
                 f"二、甲方职责：制定带徒计划，传授{rng.choice(x.ind['occ'])}岗位操作技能和技术诀窍，每月指导不少于16学时。",
                 "三、乙方职责：尊重师傅，刻苦学习，按时完成学习任务，带徒期满参加相应等级的职业技能等级认定。",
                 "四、考核：带徒期满由单位组织出师考核，考核合格的给予师徒双方奖励。", "五、本协议一式三份，甲乙双方及单位人力资源部各执一份。"]
        x.scan(lambda cv, paras=paras: D.letter(cv, rng, "师带徒协议书", "", paras, a.name, f"{rng.choice(YEARS)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", size=11.5,
                                                signers=("甲方（签字）：", "乙方（签字）：")),
               color=rng.random() < 0.5, faded=i % 3 == 2)

    def guidance() -> Iterator[list[str]]:
        for i in itertools.count(1):
            r = x.rng.choice(apprentices)
            yield [str(i), f"{x.rng.choice(YEARS)}.{x.rng.randint(1, 12):02d}.{x.rng.randint(1, 28):02d}", r[1], x.rng.choice(x.ind["courses"]), str(x.rng.choice((2, 4, 4, 8))), a.leader]
    filler = itertools.chain(roster_units(), [u_heading("带徒指导记录", toc=2)],
                             u_table(["序号", "日期", "学徒", "指导内容", "学时", "师傅"], [0.06, 0.14, 0.12, 0.46, 0.08, 0.14], guidance(), W_L, 9))
    x.b.flow(filler, roster, landscape=True, scan=lambda i: {"sideways": True} if i % 2 == 1 else None)
    x.cert_scans(certs, lambda: (lambda r: (r[1], r[4], r[7]))(x.rng.choice(apprentices)))


def build_training(x: Ctx, n: int) -> None:
    rural = x.a.carrier_type == "rural_station" or "涉农" in x.material
    x.cover()
    text, signin, photos = split(n - 1, (1, 3), (0, 1.2), (0, 0.8))

    def units() -> Iterator[Unit]:
        yield u_title("近三年培训开展情况", toc=1)
        yield from section(x, "一、总体情况", ("rural", "training") if rural else ("training",), level=2)
        yield from u_table(["年度", "培训期数", "培训人次", "取证人数", "高技能人才", "取证率"], [0.16] * 5 + [0.2], stats_rows(x), W_P)
        for k, (y, s) in enumerate(x.p["yearly"].items()):
            yield u_heading(f"{'二三四'[k]}、{y}年培训开展情况", toc=2)
            yield from u_para(x.t("rural" if rural else "training", year=y, trainees=s["trainees"]), W_P)
            yield from u_table(["序号", "培训项目", "职业（工种）", "等级", "起止时间", "人数", "合格", "合格率"],
                               [0.06, 0.24, 0.17, 0.12, 0.19, 0.07, 0.07, 0.08], itertools.islice(ledger_rows(x, y), x.rng.randint(4, 8)), W_P, 8.5)
        yield u_break()
        yield u_heading("五、培训学员花名册（节选）", toc=2)
        yield from u_table(["序号", "姓名", "性别", "身份证号", "文化程度", "职业（工种）", "等级", "联系电话"],
                           [0.06, 0.1, 0.06, 0.22, 0.1, 0.2, 0.13, 0.13], x.person_rows("trainee"), W_P, 8)
    x.b.flow(units(), text)
    for i in range(signin):
        course = x.rng.choice(x.ind["courses"])
        y = x.rng.choice(YEARS)
        def unit() -> str:
            if rural:
                return x.rng.choice(("田林县", "旧州镇", "潞城乡", "光明街道", "公明街道")) + x.rng.choice(("农户", "返乡务工人员", "合作社社员", "村民"))
            r = x.rng.random()
            return (x.p["short"] + x.rng.choice(("生产部", "设备部", "品质部", "技术部")) if r < 0.6 else
                    C.firm(x.rng).removeprefix("深圳市").removesuffix("有限公司") if r < 0.85 else "社会学员")
        rows = [(*C.person(x.rng), unit()) for _ in range(20)]
        info = f"培训时间：{y}年{x.rng.randint(1, 12)}月{x.rng.randint(1, 28)}日　　培训地点：{x.a.name}　　授课教师：{C.person(x.rng)[0]}"
        x.scan(lambda cv, course=course, info=info, rows=rows: D.signin(cv, x.rng, f"“{course}”培训班签到表", info, rows),
               faded=i % 3 == 1, rotate=90 if i % 5 == 4 else 0)
    x.photo_pages(photos, (("送培训下乡", "site"), ("集中授课", "classroom"), ("实操训练", "site"), ("开班仪式", "meeting")) if rural else
                  (("理论授课", "classroom"), ("实操训练", "site"), ("技能考核", "site"), ("开班仪式", "meeting")))


def build_rules(x: Ctx, n: int) -> None:
    a, rng = x.a, x.rng
    x.cover()
    key = "评价" if "评价" in x.material else "工作室" if "工作室" in x.material else "工作站" if "工作站" in x.material else "培训"
    titles = [x.p["short"] + t for t in C.RULE_TITLES[key]]
    notice, certs = (1, 0) if n > 2 else (0, 0)
    if key == "评价":
        certs = max(0, (n - 2) // 5)
    if notice:
        body = [f"为进一步规范{x.p['carrier_name'] if key != '评价' else '技能人才培养评价'}工作，经研究，现将《{titles[0]}》等{len(titles)}项制度印发给你们，请认真遵照执行。",
                "各部门要高度重视，组织员工认真学习，严格落实各项制度要求。执行中遇到的问题，请及时向人力资源部反映。", "特此通知。"]
        x.scan(lambda cv: D.red_notice(cv, rng, a.name, x.p["short"], f"关于印发《{titles[0]}》等制度的通知", body,
                                       f"2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"), color=True)

    def rules() -> Iterator[Unit]:
        for title in titles:
            yield u_break()
            yield u_title(title, 16, toc=1)
            kind = "方案" if "方案" in title else "办法" if "办法" in title else "制度"
            subject = title.removeprefix(x.p["short"]).rstrip("管理办法制度实施方案")
            middle = sorted(rng.sample(list(C.CHAPTERS)[1:-1], rng.randint(2, 4)), key=list(C.CHAPTERS).index)
            art = 0
            for c, ch in enumerate(["总则", *middle, "附则"]):
                yield u_heading(f"第{cn_num(c + 1)}章  {ch}", 12, toc=2)
                for k in C.CHAPTERS[ch]:
                    art += 1
                    yield from u_para(f"第{cn_num(art)}条　{C.RULE_ARTICLES[k].format(subject=subject, kind=kind, name=a.name)}", W_P, 11)
                if ch == "经费与设施管理" and key == "工作室":
                    yield u_heading("附：工作室年度经费预算表", 12, toc=2)
                    items = ["设备购置与维护", "技术攻关项目", "带徒培训", "技能交流活动", "资料与耗材", "其他"]
                    rows = [[str(i + 1), it, f"{rng.randint(2, 30)}.{rng.randint(0, 9)}", "单位自筹" if i % 2 else "单位自筹/资助资金"] for i, it in enumerate(items)]
                    yield from u_table(["序号", "支出项目", "预算（万元）", "资金来源"], [0.1, 0.4, 0.2, 0.3], rows, W_P)
            if rng.random() < 0.6:
                form, cols = rng.choice(C.RULE_FORMS[key])
                yield u_title(f"附件：{form}", 13, toc=2)
                yield from u_table(list(cols), [0.1] + [0.9 / (len(cols) - 1)] * (len(cols) - 1), [[""] * len(cols) for _ in range(12)], W_P, 10)
    used = x.b.flow_measured(list(rules()), n - 1 - notice - certs)
    left = n - 1 - notice - certs - used
    if key == "评价" and left > 0:
        catalogue = itertools.chain(
            [u_title("职业技能等级认定备案职业（工种）目录", 15, toc=1)],
            u_table(["序号", "职业（工种）", "认定等级", "备案时间"], [0.1, 0.45, 0.25, 0.2],
                    [[str(i + 1), o, "五级至三级" if i % 2 else "四级至二级", f"{rng.choice(YEARS)}年{rng.randint(1, 12)}月"] for i, o in enumerate(x.ind["occ"])], W_P),
            [u_title("近三年职业技能等级认定合格人员名单", 15, toc=1)],
            u_table(["序号", "姓名", "性别", "身份证号", "文化程度", "职业（工种）", "等级", "联系电话"],
                    [0.06, 0.1, 0.06, 0.22, 0.1, 0.2, 0.13, 0.13], x.person_rows("trainee"), W_P, 8))
        x.b.flow(catalogue, left)
    else:
        for i in range(left):
            rows = [(*C.person(rng), x.p["short"] + rng.choice(("生产部", "技术部", "人力资源部", "品质部", "培训中心", "设备部"))) for _ in range(20)]
            info = f"学习时间：2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日　　地点：{x.p['short']}培训室　　主讲：{C.person(rng)[0]}"
            x.scan(lambda cv, rows=rows, info=info: D.signin(cv, rng, "管理制度宣贯学习签到表", info, rows), faded=i % 2 == 1)
    x.cert_scans(certs)
