"""Builders for the evidence materials: site, achievements, the studio leader's papers, insurance and size,
school-enterprise cooperation, the chain plan; plus a generic fallback. Each writes exactly n pages."""
from __future__ import annotations

import itertools
from collections.abc import Iterator

from . import corpus as C
from . import documents as D
from .context import W_L, W_P, YEARS, Ctx, cn_num, equipment_rows, section, split
from .pages import A4_W, MARGIN_X, Canvas, Unit, u_heading, u_para, u_table, u_title, wrap

_SITE_PHOTOS = (("实训场地全景", "site"), ("载体标识牌", "plaque"), ("理论教室", "classroom"), ("设备区", "site"))


def build_site(x: Ctx, n: int) -> None:
    a, p, rng = x.a, x.p, x.rng
    x.cover()
    if n < 3:
        x.photo_pages(n - 1, _SITE_PHOTOS)
        return
    rest = n - 3  # cover, a contract page and a photo page at least
    sign = 1 if rest > 0 else 0
    plan = 1 if rest >= 2 else 0
    equip = 1 if rest >= 3 else 0
    prop = 1 if rest >= 4 else 0
    rest = max(0, rest - sign - plan - equip - prop)
    lease = 1 + min(2, rest // 3)
    photos = 1 + rest - (lease - 1)
    landlord = rng.choice(C.LANDLORDS)
    start = rng.choice((2021, 2022, 2023))
    rent = p["area"] * rng.randint(38, 75)

    def contract() -> Iterator[Unit]:
        yield u_title("房屋租赁合同", 18, toc=1)
        yield from u_para(f"合同编号：GMZL-{start}-{rng.randint(100, 999)}", W_P, 10, indent=0)
        yield from u_para(f"出租方（甲方）：{landlord}", W_P, 11.5, indent=0)
        yield from u_para(f"承租方（乙方）：{a.name}", W_P, 11.5, indent=0)
        yield from u_para("根据《中华人民共和国民法典》及有关法律法规的规定，甲乙双方在平等、自愿、协商一致的基础上，就乙方承租甲方物业事宜，订立本合同。", W_P)
        vals = dict(address=a.address, area=p["area"], use="生产、研发及职业技能培训", start=f"{start}年{rng.randint(1, 12)}月1日",
                    end=f"{start + 5}年{rng.randint(1, 12)}月30日", rent=f"{rent:,}", rent_cn=C.amount_cn(rent))
        for head, body in C.LEASE_CLAUSES:
            yield u_heading(head, 11.5, toc=2)
            yield from u_para(body.format(**vals), W_P, 11)
        yield u_heading("附件：物业交接清单", 11.5, toc=2)
        yield from u_table(["序号", "设施名称", "数量", "状况"], [0.1, 0.5, 0.2, 0.2],
                           ([str(i), f"{t}（{(i - 1) // 6 + 1}层）", str(rng.randint(1, 30)), "完好"] for i, t in
                            enumerate(itertools.cycle(("配电箱", "空调外机位", "消防栓", "照明灯具", "卫生间洁具", "门禁系统")), 1)), W_P)
    x.b.flow(contract(), lease)
    for _ in range(sign):
        x.scan(lambda cv: D.signatures(cv, rng, "出租方（甲方）", landlord, "承租方（乙方）", a.name), color=True)
    for _ in range(prop):
        x.scan(lambda cv: D.property_cert(cv, rng, landlord, a.address, p["area"] * 2, "工业/厂房"), faded=rng.random() < 0.5)
    rooms = {"master_studio": ["技术攻关室", "实操工位区", "设备间", "荣誉展示区", "研讨室"],
             "rural_station": ["培训教室", "实操区", "农产品展示区", "直播间", "办公室", "资料室"]}.get(
        a.carrier_type, ["理论教室一", "理论教室二", "实训区A", "实训区B", "设备间", "考核室", "办公室", "资料室"])
    for _ in range(plan):
        x.b.text_page(lambda cv: D.floor_plan(cv, rng, f"{p['carrier_name']}场地平面布置图", p["area"], rooms), landscape=True)

    def equipment() -> Iterator[Unit]:
        yield u_title("主要设施设备清单", 15, toc=1)
        yield from u_table(["序号", "设备名称", "规格型号", "数量", "购置时间", "金额(万元)", "状态"], [0.07, 0.31, 0.14, 0.08, 0.14, 0.14, 0.12],
                           equipment_rows(x), W_P)
        for _ in range(2):
            yield from u_para(x.t("site", (2, 3)), W_P)
    used = x.b.flow_measured(list(equipment()), equip) if equip else 0
    x.photo_pages(photos + equip - used, _SITE_PHOTOS)


def _tech_report(x: Ctx, topic: str) -> list[Unit]:
    rural = x.a.carrier_type == "rural_station"
    out = [u_title("技术推广与技能帮扶工作报告" if rural else f"“{topic}”技术革新项目报告", 15, toc=1)]
    ctx = {**x.p, "topic": topic}
    parts = (("项目背景", "背景"), ("主要做法", "做法"), ("实施效果", "效果"), ("推广应用情况", "效果"), ("经验与体会", "做法"))
    for i, (head, part) in enumerate(parts):
        out.append(u_heading(f"{'一二三四五'[i]}、{head}", toc=2))
        for _ in range(x.rng.randint(1, 2)):
            out += u_para(x.t("rural") if rural else C.tech_paragraph(part, ctx, x.rng, x.used), W_P)
    out.append(u_heading("六、下一步计划", toc=2))
    out += u_para(x.t("plan", (2, 3)), W_P)
    return out


def _book_contents(x: Ctx, course: str) -> Iterator[Unit]:
    yield u_title(f"《{course}》目录", 15, toc=1)
    page = 1
    for i, ch in enumerate(C.CHAPTERS_BOOK, 1):
        title = ch.format(course=course)
        yield from u_para(f"第{cn_num(i)}章  {title}{'.' * 30}{page}", W_P, 11.5, indent=0)
        for j in range(1, x.rng.randint(3, 5)):
            yield from u_para(f"    {i}.{j}  {x.rng.choice(x.ind['courses'])}{x.rng.choice(('要点', '实例', '规范', '操作步骤', '注意事项'))}{'.' * 24}{page + j * 3}", W_P, 10.5, indent=2)
        page += x.rng.randint(14, 30)
    yield u_heading("前  言", toc=2)
    yield from u_para(x.t("achievement", (2, 3)), W_P)


def build_achievements(x: Ctx, n: int) -> None:
    a, rng, ind = x.a, x.rng, x.ind
    x.cover()
    summary = 1 if n > 2 else 0

    def head() -> Iterator[Unit]:
        yield u_title(f"{x.material}汇总", toc=1)
        yield from u_para(x.t("achievement"), W_P)
        items = [(t, "实用新型专利") for t in ind["patents"]] + [(f"《{c}》", "培训教材") for c in ind["courses"]]
        items += [(f"{o}岗位技能标准", "企业标准") for o in ind["occ"][:3]] + [(f"{rng.choice(YEARS)}年光明区职业技能竞赛（{o}）", "竞赛获奖") for o in ind["occ"][3:6]]
        if a.carrier_type == "rural_station":
            villages = ("田林县潞城乡", "田林县旧州镇", "光明街道碧眼社区", "公明街道合水口社区", "田阳区百育镇", "田林县利周乡")
            items = [(f"{v}“{c}”送培训下乡", "技能帮扶") for v, c in zip(villages, ind["courses"])]
            items += [(f"{o}就业推荐（{rng.randint(12, 60)}人）", "就业服务") for o in ind["occ"][:4]] + [(f"{c}技术推广", "技术推广") for c in ind["courses"][:3]]
        rows = ([str(i + 1), t, kind, str(rng.choice(YEARS)), C.person(rng)[0] + "等"] for i, (t, kind) in enumerate(items))
        yield from u_table(["序号", "成果名称", "类别", "年度", "完成人"], [0.08, 0.44, 0.18, 0.1, 0.2], rows, W_P)
    if summary:
        x.b.flow_measured(list(head()), 1)
    kinds = ["patent", "report", "honour", "book", "photo"] if "教材" not in x.material else ["book", "contents", "honour", "report", "photo"]
    if a.carrier_type == "rural_station":
        kinds = ["thanks", "report", "photo", "honour"]
    left, i = n - 1 - summary, 0
    while left > 0:
        k = kinds[i % len(kinds)]
        i += 1
        take = 1
        if k == "patent":
            title = ind["patents"][i % len(ind["patents"])]
            x.scan(lambda cv, t=title: D.patent(cv, rng, t, "、".join(C.person(rng)[0] for _ in range(3)), a.name, a.address), color=True)
        elif k == "honour":
            body = f"在{rng.choice(YEARS)}年光明区职业技能竞赛（{rng.choice(ind['occ'])}）中，荣获{rng.choice(('一等奖', '二等奖', '三等奖', '优秀组织奖'))}。"
            who = a.name if rng.random() < 0.5 else C.person(rng)[0]
            x.scan(lambda cv, body=body, who=who: D.honour(cv, rng, who, body, "光明区职业技能竞赛组委会", f"{rng.choice(YEARS)}年{rng.randint(1, 12)}月"),
                   landscape=True, color=True, sideways=rng.random() < 0.4)
        elif k == "book":
            course = ind["courses"][i % len(ind["courses"])]
            x.scan(lambda cv, c=course: D.book_cover(cv, rng, c, "、".join(C.person(rng)[0] for _ in range(2)), a.name, rng.choice(YEARS)), color=True)
        elif k == "contents":
            x.b.flow_measured(list(_book_contents(x, ind["courses"][(i - 1) % len(ind["courses"])])), 1)
        elif k == "thanks":
            paras = [f"{a.name}：", f"{rng.choice(YEARS)}年以来，贵单位多次派出技术骨干到我村开展{rng.choice(ind['courses'])}等实用技术培训，"
                     f"累计培训村民{rng.randint(80, 400)}人次，帮助{rng.randint(10, 60)}名村民实现就近就业或外出务工，带动农户增收效果明显。",
                     "在此，谨向贵单位表示衷心的感谢！希望今后继续加强合作，共同推动乡村振兴。"]
            village = f"百色市田林县{rng.choice(('潞城', '旧州', '八桂', '利周'))}村民委员会"
            x.scan(lambda cv, paras=paras, v=village: D.letter(cv, rng, "感 谢 信", "", paras, v, f"{rng.choice((2024, 2025))}年{rng.randint(1, 12)}月", signer=False),
                   faded=rng.random() < 0.5)
        elif k == "photo":
            x.photo_pages(1, (("技术攻关现场", "site"), ("技能交流活动", "classroom"), ("成果应用", "site"), ("送技术上门", "classroom")))
        else:
            take = x.b.flow_measured(_tech_report(x, ind["patents"][i % len(ind["patents"])].removeprefix("一种")), min(2, left))
        left -= take


def build_leader(x: Ctx, n: int) -> None:
    a, rng = x.a, x.rng
    x.cover()
    bio = 1 if n >= 3 else 0
    rest = max(0, n - 2 - bio)
    certs = (rest + 1) // 2
    honours = rest - certs
    female = a.leader in ("吴秀英", "覃春燕")

    def units() -> Iterator[Unit]:
        yield u_title(f"领办人{a.leader}同志简介", toc=1)
        yield from section(x, "一、基本情况", ("master",), paras=(1, 1))
        yield from section(x, "二、主要业绩", ("master", "achievement"), paras=(1, 2))
        yield from section(x, "三、带徒传技情况", ("master",), paras=(1, 1))
    if bio:
        x.b.flow_measured(list(units()), 1)
    x.scan(lambda cv: D.id_card(cv, rng, a.leader, "女" if female else "男", "仅供2026年度技能大师工作室申报使用"), faded=rng.random() < 0.3)
    levels = iter(("一级/高级技师", "二级/技师", "三级/高级工"))
    x.cert_scans(certs, lambda: (a.leader, x.ind["occ"][0], next(levels, "一级/高级技师")))
    for _ in range(honours):
        title = rng.choice(("光明区技能能手", "深圳市技术能手", "光明区优秀技能人才", "科学城工匠"))
        x.scan(lambda cv, t=title: D.honour(cv, rng, a.leader, f"被评为“{t}（{x.ind['occ'][0]}）”。", "深圳市光明区职业技能竞赛组委会",
                                              f"{rng.choice(YEARS)}年{rng.randint(1, 12)}月"), landscape=True, color=True)


def build_insurance(x: Ctx, n: int) -> None:
    a, p, rng = x.a, x.p, x.rng
    x.cover()
    cert = 1 + (n >= 8)
    fin = 1 if n - 1 - cert >= 2 else 0
    audit = n - 1 - cert - fin

    def units() -> Iterator[Unit]:
        yield u_title("深圳市社会保险参保证明（单位）", 15, toc=1)
        yield from u_para(f"单位名称：{a.name}　　统一社会信用代码：{a.uscc}", W_P, 10.5, indent=0)
        yield from u_para("经查询，该单位在我市参加社会保险情况如下（单位：人）：", W_P, 10.5)
        months = [(2025, m) for m in range(1, 13)] + [(2026, m) for m in range(1, 6)]
        rows = [[f"{y}年{m:02d}月", str(p["insured"] + rng.randint(-60, 60)), "养老、医疗、工伤、失业、生育", "正常"] for y, m in months]
        yield from u_table(["缴费月份", "参保人数", "参保险种", "缴费状态"], [0.2, 0.2, 0.4, 0.2], rows, W_P, 9.5)
        yield from u_para("本证明仅用于证明该单位参保情况，打印件经单位盖章后有效。可通过深圳市社会保险基金管理局网站核验。", W_P, 9.5)
        yield u_heading("在深分支机构参保情况", toc=2)
        branches = [[f"{a.name}{d}分公司", d, str(rng.randint(30, 300))] for d in ("宝安", "龙华", "南山", "坪山", "龙岗", "福田")]
        yield from u_table(["分支机构", "所在区", "参保人数"], [0.5, 0.25, 0.25], branches, W_P)
    cert = x.b.flow_measured(list(units()), cert)

    def finance() -> Iterator[Unit]:
        yield u_title("企业规模情况说明及近三年主要财务指标", 15, toc=1)
        yield from u_para(f"{a.name}现有从业人员{p['staff']}人，近三年营业收入均超过国家统计局大型企业划分标准（从业人员1000人以上且营业收入4亿元以上）。", W_P)
        rows = [[str(y), f"{rng.randint(80, 300) * 1000:,}", f"{rng.randint(6, 30) * 1000:,}", f"{rng.randint(150, 500) * 1000:,}", str(p["staff"] - 100 * (2025 - y))] for y in YEARS]
        yield from u_table(["年度", "营业收入（万元）", "利润总额（万元）", "资产总额（万元）", "从业人员（人）"], [0.12, 0.22, 0.22, 0.22, 0.22], rows, W_P)
        for _ in range(2):
            yield from u_para(x.t("basic", (2, 3)), W_P)
    fin = x.b.flow_measured(list(finance()), fin) if fin else 0
    audit = n - 1 - cert - fin

    def audit_page(cv: Canvas, k: int) -> None:
        if k == 0:
            cv.text(0, 90, "审 计 报 告", 18, bold=True, align="c", width=cv.rect.width)
            cv.text(0, 115, f"深信诚审字〔2026〕第{rng.randint(100, 999)}号", 10.5, align="c", width=cv.rect.width)
            y = 150.0
            for t in C.AUDIT_TEXT:
                for s in wrap(t.format(name=a.name), W_P, 11, indent=2):
                    cv.text(MARGIN_X, y, s, 11)
                    y += 20
                y += 8
            cv.text(A4_W - 260, 680, "中国注册会计师：", 11)
            cv.signature(A4_W - 160, 676, 60, rng)
            D.seal(cv, A4_W - 170, 620, "深圳光明信诚会计师事务所（普通合伙）", k, r=54)
            cv.text(A4_W - 260, 740, "二〇二六年三月二十日", 11)
        else:
            total = rng.randint(150, 500) * 1000
            rows = [(item, f"{total * share * rng.uniform(0.9, 1.1):,.2f}", f"{total * share * rng.uniform(0.75, 0.95):,.2f}") for item, share in C.FIN_ITEMS]
            D.fin_table(cv, ("资产负债表", "利润表（摘要）", "现金流量表（摘要）")[(k - 1) % 3], a.name, rows)
    for k in range(audit):
        x.scan(lambda cv, k=k: audit_page(cv, k), faded=k % 3 == 2)


def build_coop(x: Ctx, n: int) -> None:
    a, rng = x.a, x.rng
    x.cover()
    colleges = rng.sample(C.COLLEGES, min(4, max(1, (n - 1) // 5)))
    per = 3 if n - 1 >= 3 * len(colleges) + 2 else 1
    results = n - 1 - per * len(colleges)
    for college in colleges:
        def agreement(college=college) -> Iterator[Unit]:
            yield u_title("校企合作协议书", 16, toc=1)
            yield from u_para(f"甲方：{a.name}", W_P, 11.5, indent=0)
            yield from u_para(f"乙方：{college}", W_P, 11.5, indent=0)
            for head, body in C.COOP_CLAUSES:
                yield u_heading(head, 11.5, toc=None)
                yield from u_para(body.format(industry=a.industry, short=x.p["short"], n=rng.randint(30, 60)), W_P, 11)
            yield u_heading("十、补充约定", 11.5, toc=None)
            while True:
                yield from u_para(x.t("coop", (2, 3)), W_P, 11)
        x.b.toc.append([1, college, x.b.count + 1])
        x.b.flow(agreement(), per - 1 if per > 1 else 1)
        if per > 1:
            x.scan(lambda cv, c=college: D.signatures(cv, rng, "甲方", a.name, "乙方", c), color=True)
    photos = max(0, min(results - 1, results // 3))
    table = results - photos

    def outcomes() -> Iterator[Unit]:
        yield u_title("校企合作成果汇总", 15, toc=1)
        yield from u_para(x.t("coop"), W_P)
        rows = [[str(i + 1), c, rng.choice(("订单班", "现代学徒制", "共建实训基地", "联合开发课程")), f"{rng.randint(20, 60)}人", str(rng.choice(YEARS))] for i, c in enumerate(colleges)]
        yield from u_table(["序号", "合作院校", "合作形式", "培养规模", "起始年度"], [0.08, 0.36, 0.22, 0.17, 0.17], rows, W_P)
        for _ in range(2):
            yield from u_para(x.t("coop", (2, 3)), W_P)

    def students() -> Iterator[list[str]]:
        for i in itertools.count(1):
            name, sex = C.person(rng)
            yield [str(i), name, sex, rng.choice(colleges), rng.choice(x.ind["occ"]), f"{rng.choice(YEARS)}级{rng.randint(1, 4)}班", C.person(rng)[0]]
    if table > 0:
        x.b.flow_measured(list(outcomes()), 1)
        roster = itertools.chain([u_title("订单班（学徒）学生名单", 15, toc=1)],
                                 u_table(["序号", "姓名", "性别", "院校", "专业（工种）", "班级", "企业导师"], [0.06, 0.1, 0.06, 0.3, 0.22, 0.14, 0.12], students(), W_L, 9))
        x.b.flow(roster, table - 1, landscape=True, scan=lambda i: {"sideways": True} if i % 3 == 2 else None)
    x.photo_pages(photos, (("校企合作签约仪式", "meeting"), ("订单班开班仪式", "meeting"), ("学生实习现场", "site"), ("企业导师授课", "classroom")))


def build_plan(x: Ctx, n: int) -> None:
    a, p, rng = x.a, x.p, x.rng
    x.cover()
    members = [*C.PARTNERS]
    while len(members) < n:
        m = C.firm(rng)
        if m not in members:
            members.append(m)

    def units() -> Iterator[Unit]:
        yield u_title(f"{p['carrier_name']}建设计划（2026—2028年）", 16, toc=1)
        for t, pools in (("一、企业基本情况", ("basic",)), ("二、企业优势与基础", ("training", "basic", "achievement")), ("三、技能人才培养体系建设情况", ("teachers", "chain")),
                         ("四、技能生态链构建计划", ("chain", "reason")), ("五、技能培训与评价工作计划", ("plan", "training")), ("六、产教融合与校企合作计划", ("coop",))):
            yield from section(x, t, pools, paras=(2, 3))
        yield u_heading("七、拟纳入生态链的链员单位", toc=2)
        rows = [[str(i + 1), m, rng.choice(("上游供应商", "下游客户", "配套企业", "人力资源服务机构")), str(rng.randint(20, 300))] for i, m in enumerate(members)]
        rows += [[str(len(rows) + i + 1), c, "合作院校", "—"] for i, c in enumerate(C.COLLEGES[:3])]
        yield from u_table(["序号", "单位名称", "链上角色", "拟提供岗位"], [0.08, 0.52, 0.2, 0.2], rows, W_P)
        yield u_heading("八、关键技能岗位与标准开发计划", toc=2)
        yield from u_table(["序号", "技能岗位（工种）", "拟开发标准/课程", "完成时间"], [0.08, 0.32, 0.4, 0.2],
                           [[str(i + 1), o, f"《{x.ind['courses'][i % len(x.ind['courses'])]}》培训课程及评价规范", f"{2026 + i % 3}年{rng.choice((6, 12))}月"]
                            for i, o in enumerate(x.ind["occ"])], W_P)
        yield u_heading("九、年度工作安排", toc=2)
        tasks = ("组建生态链工作专班", "发布链上技能岗位需求清单", "开发岗位技能标准", "开展链员企业职工培训", "组织职业技能等级认定",
                 "建设信息管理平台", "开展技能竞赛与交流", "总结评估并申报省级链主")
        yield from u_table(["序号", "工作任务", "时间节点", "责任部门"], [0.08, 0.48, 0.22, 0.22],
                           [[str(i + 1), t, f"{2026 + i // 3}年{rng.choice(('第一', '第二', '第三', '第四'))}季度", rng.choice(("人力资源部", "技能评价中心", "培训中心", "信息中心"))] for i, t in enumerate(tasks)], W_P)
        yield u_heading("十、经费预算与预期成效", toc=2)
        budget = [[str(i + 1), item, f"{rng.randint(20, 400)}", rng.choice(("企业自筹", "企业自筹、培训补贴"))] for i, item in
                  enumerate(("实训场地与设备", "课程与标准开发", "师资队伍建设", "技能评价组织", "信息平台建设", "学徒培养补贴"))]
        yield from u_table(["序号", "项目", "三年预算（万元）", "资金来源"], [0.08, 0.42, 0.25, 0.25], budget, W_P)
        goals = [["带动链员企业", "家", "5", str(rng.randint(8, 15))], ["提供就业岗位", "个", "300", str(p["jobs"])],
                 ["年培训职工", "人次", "—", str(p["trainees"])], ["技能等级认定", "人次/年", "—", str(p["yearly"][2025]["certified"])],
                 ["合作院校", "所", "—", str(rng.randint(3, 6))], ["开发课程/标准", "门/项", "—", str(rng.randint(8, 20))]]
        yield from u_table(["指标", "单位", "基本要求", "2028年目标"], [0.4, 0.15, 0.2, 0.25], goals, W_P)
        yield u_heading("十一、保障措施", toc=2)
        for _ in range(2):
            yield from u_para(x.t("plan"), W_P)
    text = x.b.flow_measured(list(units()), n - 2)
    letters = n - 1 - text - 1
    for m in members[:letters]:
        paras = [f"{a.name}：", f"我单位自愿加入贵单位牵头组建的{a.industry}产教评技能生态链，在岗位技能标准开发、职工技能培训、"
                 f"职业技能等级认定、学徒联合培养等方面与贵单位开展合作，预计每年提供就业岗位{rng.randint(20, 120)}个。",
                 "我单位将指定专人负责生态链相关工作，按要求提供岗位需求、培训人员等信息，积极参与生态链组织的各项活动。", "特此函告。"]
        x.scan(lambda cv, m=m, paras=paras: D.letter(cv, rng, "合作意向书", "", paras, m, f"2026年{rng.randint(4, 5)}月{rng.randint(1, 28)}日"),
               color=rng.random() < 0.6, faded=rng.random() < 0.2)
    paras = [f"本单位承诺按照本计划推进{p['carrier_name']}建设，每年向区人力资源部门报送工作进展情况。", x.t("chain", (2, 3))]
    x.scan(lambda cv: D.letter(cv, rng, "建设计划承诺", "", paras, a.name, "2026年6月"), color=True)


def build_generic(x: Ctx, n: int) -> None:
    x.cover()
    text, photos = split(n - 1, (1, 2), (0, 1))

    def units() -> Iterator[Unit]:
        yield u_title(x.material, toc=1)
        while True:
            yield from section(x, "情况说明", ("basic", "training", "plan"))
    x.b.flow(units(), text)
    x.photo_pages(photos)
