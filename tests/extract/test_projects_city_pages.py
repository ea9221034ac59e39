"""Whole plan-report pages of cities the rules were not written on (衢州, 宝鸡, 赣州), in the style of
the Lishui page: a review paragraph, then sector sections of 建成…。加快推进…。开工建设…。…前期 sentences
with a portfolio line. Every project and portfolio on each page is listed, so both a missed name and
an extra one fail."""
from __future__ import annotations

from flows.extract import extract_document
from flows.extract.records import Record
from flows.ingest import ingest_bytes

QUZHOU = """关于衢州市2024年国民经济和社会发展计划执行情况及2025年国民经济和社会发展计划草案的报告

一、2024年国民经济和社会发展计划执行情况

有效投资持续扩大。衢州机场迁建工程建成通航,杭衢高铁建德至衢州段建成通车,衢丽铁路衢州段开工建设,常山江航电枢纽工程全面完工,江山峡口水库扩建工程顺利通水,华友钴业新能源材料一体化项目一期建成投产。龙游至丽水高速公路、衢江区乌溪江引水工程进展顺利。开化抽水蓄能电站、衢州至黄山铁路完成可研批复。新开工衢州智造新城标准厂房、巨化新材料产业园等重大项目58个。

二、2025年国民经济和社会发展计划主要任务

(一)奋力推进综合交通建设。实施交通项目38个,总投资710亿元,年度计划投资96亿元。建成开化至常山高速公路、衢州西站综合交通枢纽,确保衢丽铁路衢州段主体完工。加快推进江山至龙泉公路、钱江源国家公园旅游公路、乌溪江航道整治、衢江航运开发二期工程建设。开工建设衢州至龙游城际铁路、351国道龙游段改建工程和柯城至衢江快速路。力争衢州至宁德铁路纳入国家中长期铁路网规划,推进衢黄铁路、杭衢高速公路扩容等项目前期工作。
(二)全力推进能源和水利项目。实施能源项目22个,总投资315亿元,年度计划投资48亿元。建成投运衢州500千伏变电站扩建工程,续建开化、江山、常山抽水蓄能电站,开工建设龙游光伏储能一体化项目。加快实施乌溪江灌区续建配套与现代化改造、铜山源水库加固工程,开工衢江治理二期工程。
(三)加快推进产业项目。建成投产元立新材料年产50万吨特钢、仙鹤股份特种纸项目二期,加快建设时代锂电材料产业基地、衢州数字经济产业园,新开工吉利百亿级新能源汽车零部件、东方日升光伏组件等项目。
"""

BAOJI = """关于宝鸡市2024年国民经济和社会发展计划执行情况与2025年计划草案的报告

一、2024年计划执行情况

项目建设提速增效。全年实施市级重点项目420个,完成投资1108亿元。宝鸡高新区吉利汽车三期、陕汽宝鸡专用车产业园建成投产,宝坪高速、眉县至太白高速公路建成通车,宝鸡南站综合客运枢纽竣工投用。西十高铁宝鸡段、宝鸡峡引渭灌区提升改造加快推进,千阳抽水蓄能电站获国家核准。

二、2025年经济社会发展的主要任务

(一)扩大有效投资。全年安排市级重点项目450个,总投资4200亿元,年度计划投资1150亿元。建成投运宝鸡东220千伏输变电工程、凤翔区长青工业园区污水处理厂。加快推进宝鸡至汉中高速公路、陇县至凤县高速公路、渭河宝鸡城区段综合治理。开工建设宝鸡西站改扩建、麟游至永寿高速公路和宝鸡市第三人民医院新院区。做好宝鸡至平凉铁路、宝鸡机场项目前期工作。
"""

GANZHOU = """关于赣州市2024年国民经济和社会发展计划执行情况及2025年国民经济和社会发展计划草案的报告

二、2025年国民经济和社会发展计划

(一)奋力推进综合交通建设。实施交通项目48个,总投资1350亿元,年度计划投资210亿元。建成长赣高铁赣州段、瑞金机场,加快推进赣州至深圳高铁配套工程、赣州港国际陆港三期、赣江航道整治,新开工兴国至遂川高速公路、信丰至南雄高速公路等项目,积极推进赣州至广州高铁、赣韶铁路扩能改造前期工作。
(二)全力推进能源水利项目。建成投产赣州抽水蓄能电站一期,提速推进大余至南康天然气管道、上犹江水库加固工程,集中开工于都风电场、宁都光伏发电项目。
"""

HUBEI = """湖北省2025年政府工作报告

一、2024年工作回顾

重大项目建设成效明显。沿江高铁武宜段、呼南高铁襄荆段等重大项目加快推进,引江补汉工程、鄂北水资源配置二期开工建设,武汉天河机场T2航站楼改造建成投用,白鹤滩至浙江特高压直流工程湖北段投产,宜昌兴山抽水蓄能电站获国家核准,襄阳东津新区奥体中心正式投入使用。

二、2025年重点工作

(三)扩大有效投资。实施亿元以上项目8000个以上。西渝高铁、荆荆高铁力争年内建成通车,武汉至大悟高速公路年底前建成。加快建设武汉新港阳逻港区三期、鄂州花湖国际机场货运区二期。推进三峡水运新通道、长江中游航道整治工程前期工作。开工建设武汉光谷科学岛二期、襄阳国家储备林基地。实施汉江雅口航运枢纽、引江补汉输水沿线补水工程等重大水利工程。推动武汉光谷实验室、东湖实验室建设。谋划建设武汉都市圈环线高速公路。
"""

C, S, B, Q = "completed", "construction", "start", "preparatory"


def page(text: str, stem: str) -> list[Record]:
    return extract_document(ingest_bytes(text.encode("utf-8"), doc_id=stem))


def projects(records: list[Record]) -> list[tuple[str, str]]:
    return [(r.name, r.stage) for r in records if r.type == "project"]


def portfolios(records: list[Record]) -> list[tuple[int, float | None, float | None]]:
    return [(r.project_count, r.total_investment, r.annual_investment) for r in records if r.type == "portfolio"]


def test_quzhou_page_names_every_project_with_its_stage():
    assert projects(page(QUZHOU, "quzhou_2025_plan_report")) == [
        ("衢州机场迁建工程", C), ("杭衢高铁建德至衢州段", C), ("衢丽铁路衢州段", B),
        ("常山江航电枢纽工程", C), ("江山峡口水库扩建工程", C), ("华友钴业新能源材料一体化项目一期", C),
        ("龙游至丽水高速公路", S), ("衢江区乌溪江引水工程", S),
        ("开化抽水蓄能电站", Q), ("衢州至黄山铁路", Q),
        ("开化至常山高速公路", C), ("衢州西站综合交通枢纽", C), ("衢丽铁路衢州段", S),
        ("江山至龙泉公路", S), ("钱江源国家公园旅游公路", S), ("乌溪江航道整治", S), ("衢江航运开发二期工程", S),
        ("衢州至龙游城际铁路", B), ("351国道龙游段改建工程", B), ("柯城至衢江快速路", B),
        ("衢州至宁德铁路", Q), ("衢黄铁路", Q), ("杭衢高速公路扩容", Q),
        ("衢州500千伏变电站扩建工程", C),
        ("开化抽水蓄能电站", S), ("江山抽水蓄能电站", S), ("常山抽水蓄能电站", S), ("龙游光伏储能一体化", B),
        ("乌溪江灌区续建配套与现代化改造", S), ("铜山源水库加固工程", S), ("衢江治理二期工程", B),
        ("元立新材料年产50万吨特钢", C), ("仙鹤股份特种纸项目二期", C),
        ("时代锂电材料产业基地", S), ("衢州数字经济产业园", S),
        ("吉利百亿级新能源汽车零部件", B), ("东方日升光伏组件", B),
    ]


def test_quzhou_page_portfolios_are_the_sector_totals():
    assert portfolios(page(QUZHOU, "quzhou_2025_plan_report")) == [(38, 7.1e10, 9.6e9), (22, 3.15e10, 4.8e9)]


def test_quzhou_review_is_dated_the_year_before_and_places_counties():
    found = {(r.name, r.stage): r for r in page(QUZHOU, "quzhou_2025_plan_report") if r.type == "project"}
    assert found[("衢州机场迁建工程", C)].year == 2024
    assert found[("衢州西站综合交通枢纽", C)].year == 2025
    assert found[("常山抽水蓄能电站", S)].region == "常山县"
    assert found[("柯城至衢江快速路", B)].region == "柯城区、衢江区"


def test_baoji_page_names_every_project_with_its_stage():
    records = page(BAOJI, "baoji_2025_plan_report")
    assert projects(records) == [
        ("宝鸡高新区吉利汽车三期", C), ("陕汽宝鸡专用车产业园", C), ("宝坪高速", C), ("眉县至太白高速公路", C),
        ("宝鸡南站综合客运枢纽", C), ("西十高铁宝鸡段", S), ("宝鸡峡引渭灌区提升改造", S), ("千阳抽水蓄能电站", Q),
        ("宝鸡东220千伏输变电工程", C), ("凤翔区长青工业园区污水处理厂", C),
        ("宝鸡至汉中高速公路", S), ("陇县至凤县高速公路", S), ("渭河宝鸡城区段综合治理", S),
        ("宝鸡西站改扩建", B), ("麟游至永寿高速公路", B), ("宝鸡市第三人民医院新院区", B),
        ("宝鸡至平凉铁路", Q), ("宝鸡机场", Q),
    ]
    assert portfolios(records) == [(420, None, 1.108e11), (450, 4.2e11, 1.15e11)]


def test_ganzhou_page_names_every_project_with_its_stage():
    records = page(GANZHOU, "ganzhou_2025_plan_report")
    assert projects(records) == [
        ("长赣高铁赣州段", C), ("瑞金机场", C),
        ("赣州至深圳高铁配套工程", S), ("赣州港国际陆港三期", S), ("赣江航道整治", S),
        ("兴国至遂川高速公路", B), ("信丰至南雄高速公路", B),
        ("赣州至广州高铁", Q), ("赣韶铁路扩能改造", Q),
        ("赣州抽水蓄能电站一期", C), ("大余至南康天然气管道", S), ("上犹江水库加固工程", S),
        ("于都风电场", B), ("宁都光伏发电", B),
    ]
    assert portfolios(records) == [(48, 1.35e11, 2.1e10)]


def test_provincial_report_page_names_every_project_with_its_stage():
    records = page(HUBEI, "hubei_2025_gwr")
    assert projects(records) == [
        ("沿江高铁武宜段", S), ("呼南高铁襄荆段", S), ("引江补汉工程", B), ("鄂北水资源配置二期", B),
        ("武汉天河机场T2航站楼改造", C), ("白鹤滩至浙江特高压直流工程湖北段", C), ("宜昌兴山抽水蓄能电站", Q),
        ("襄阳东津新区奥体中心", C),
        ("西渝高铁", C), ("荆荆高铁", C), ("武汉至大悟高速公路", C),
        ("武汉新港阳逻港区三期", S), ("鄂州花湖国际机场货运区二期", S),
        ("三峡水运新通道", Q), ("长江中游航道整治工程", Q),
        ("武汉光谷科学岛二期", B), ("襄阳国家储备林基地", B),
        ("汉江雅口航运枢纽", S), ("引江补汉输水沿线补水工程", S),
        ("武汉光谷实验室", S), ("东湖实验室", S),
        ("武汉都市圈环线高速公路", Q),
    ]
    assert portfolios(records) == []  # 亿元以上项目8000个以上 is a count target
