"""Funded totals written for the records work (issue 20), annotated before any rule was written.

Each case: a short release text, the amount whose record is scored, and the gold agency (the
body as named, particles trimmed), project (the words a right answer must contain; None for a
bundle of several projects) and region (a span a right answer must overlap; None when the text
names none).  The texts are modelled on real releases and local news, not copied from them.
``score`` is the measure: agency exact, project containing the gold words in at most 40
characters (none for a bundle), region overlapping the gold span.
"""

CASES = [
    dict(text="구미시는 ()구미전자정보기술원을 주관 수행기관으로 선정했으며, 2023년부터 2026년까지 "
              "4년간 281억 원(국비 121, 지방비 160)을 투입해 구미국가산업단지 확장단지 내에 이차전지 "
              "양극소재 산업육성 거점센터를 구축하고, 분석평가 장비를 통해 제품 검증과 시제품 생산 등 "
              "기업 지원사업을 추진한다.",
         amount="281억 원", agency="구미시", project="양극소재 산업육성 거점센터",
         region="구미국가산업단지 확장단지"),
    dict(text="충주시는 총사업비 96억 원(국비 48억 원, 시비 48억 원)을 들여 연수동 일원에 반려동물 "
              "문화센터를 건립한다고 밝혔다.",
         amount="96억 원", agency="충주시", project="반려동물 문화센터", region="연수동 일원"),
    dict(text="농림축산식품부는 올해 스마트팜 혁신밸리 조성사업에 총 1,800억 원(국비 1,200억 원, "
              "지방비 600억 원)을 지원한다고 21일 밝혔다.",
         amount="1,800억 원", agency="농림축산식품부", project="스마트팜 혁신밸리", region=None),
    dict(text="충북도가 추진하는 '오송 바이오 국가산업단지 진입도로 확·포장' 공사에는 총 320억 원"
              "(국비 160억 원, 도비 160억 원)이 투입된다.",
         amount="320억 원", agency="충북도", project="진입도로 확·포장", region=None),
    dict(text="김해시는 올해 원도심 도시재생을 본격 추진한다.\n시는 2025년까지 총사업비 150억 원"
              "(국비 90억 원, 도비 18억 원, 시비 42억 원)을 들여 동상동 일원에 청년창업 지원센터를 "
              "조성할 계획이다.",
         amount="150억 원", agency="김해시", project="청년창업 지원센터", region="동상동 일원"),
    dict(text="인천광역시 보도자료\n보도일시 2024. 3. 12.\n\n해양쓰레기 집하장 설치\n\n총사업비 45억 원"
              "(국비 22억 5천만 원, 시비 22억 5천만 원)을 투입해 2025년까지 영종도 일원에 해양쓰레기 "
              "집하장을 설치한다.",
         amount="45억 원", agency="인천광역시", project="해양쓰레기 집하장", region="영종도 일원"),
    dict(text="전라남도는 2024년부터 2027년까지 4년간 총 500억 원(국비 250억 원, 도비 75억 원, "
              "군비 175억 원)을 들여 해남군 화원면 일원에 '솔라시도 에너지 자립마을'을 조성한다.",
         amount="500억 원", agency="전라남도", project="솔라시도 에너지 자립마을",
         region="해남군 화원면 일원"),
    dict(text="대구시는 서대구역 복합환승센터 건립에 총사업비 1조 2,000억 원을 투입한다.",
         amount="1조 2,000억 원", agency="대구시", project="서대구역 복합환승센터", region=None),
    dict(text="강릉시는 국비 35억 원과 시비 35억 원 등 총 70억 원을 들여 주문진읍에 수산물 "
              "종합유통센터를 짓는다.",
         amount="70억 원", agency="강릉시", project="수산물 종합유통센터", region="주문진읍"),
    dict(text="행정안전부는 지역 생활인구 유입을 위해 전국 12곳에 모두 240억 원(국비 120억 원, "
              "지방비 120억 원)을 지원한다.",
         amount="240억 원", agency="행정안전부", project=None, region=None),
    dict(text="해양수산부는 어촌신활력증진사업 등 50건에 총 3,000억 원을 투입한다.",
         amount="3,000억 원", agency="해양수산부", project=None, region=None),
    dict(text="세종시가 금강 보행교 야간경관 조성사업에 총사업비 28억 원(국비 14억 원, 시비 14억 원)"
              "을 투입한다.",
         amount="28억 원", agency="세종시", project="금강 보행교 야간경관", region=None),
    dict(text="포항시는 흥해읍 일원 도시가스 공급배관 설치사업에 총 62억 원(국비 31억 원, 시비 "
              "31억 원)을 투입한다고 밝혔다.",
         amount="62억 원", agency="포항시", project="도시가스 공급배관", region="흥해읍 일원"),
    dict(text="원주시는 부론면 일원에 '반도체 소재·부품 특화단지'를 조성한다고 10일 밝혔다.\n이 "
              "사업에는 2026년까지 국비 100억 원, 도비 30억 원, 시비 70억 원 등 모두 200억 원이 "
              "투입된다.",
         amount="200억 원", agency="원주시", project="반도체 소재·부품 특화단지",
         region="부론면 일원"),
    dict(text="산림청은 국립 횡성숲체원 2단계 조성사업에 총 180억 원을 투입한다.",
         amount="180억 원", agency="산림청", project="횡성숲체원", region=None),
    dict(text="부산시는 사하구 다대포 일원에 해양레포츠 체험센터를 건립하기로 하고, 총사업비 85억 원"
              "(국비 40억 원, 시비 45억 원)을 확보했다.",
         amount="85억 원", agency="부산시", project="해양레포츠 체험센터",
         region="사하구 다대포 일원"),
    dict(text="영동군은 인구 감소에 대응해 귀농·귀촌 지원을 강화한다.\n군은 내년까지 총 24억 원(도비 "
              "7억 2천만 원, 군비 16억 8천만 원)을 들여 농촌 빈집 정비사업을 추진한다.",
         amount="24억 원", agency="영동군", project="농촌 빈집 정비", region=None),
    dict(text="광주광역시 보도자료\n\n□ 광주시는 광산구 하남산단 일원에 총사업비 320억 원(국비 160억 "
              "원, 시비 160억 원)을 투입해 미래차 부품 실증센터를 구축한다.",
         amount="320억 원", agency="광주시", project="미래차 부품 실증센터",
         region="광산구 하남산단 일원"),
    dict(text="환경부는 낙동강 유역 하수처리장 고도화 사업에 내년 예산 2,400억 원을 편성했다.",
         amount="2,400억 원", agency="환경부", project="하수처리장 고도화", region=None),
    dict(text="울산시 남구는 장생포 고래문화특구 일원에서 고래바다여행선 선착장 재정비 사업을 "
              "추진하며, 총사업비는 38억 원(국비 19억 원, 시비 9억 5천만 원, 구비 9억 5천만 원)이다.",
         amount="38억 원", agency="울산시 남구", project="선착장 재정비",
         region="장생포 고래문화특구 일원"),
    dict(text="전북도는 새만금 국제협력용지에 들어설 '새만금 글로벌 청소년센터' 건립비 210억 원"
              "(국비 105억 원, 도비 105억 원)을 확보했다고 밝혔다.",
         amount="210억 원", agency="전북도", project="새만금 글로벌 청소년센터",
         region="새만금 국제협력용지"),
    dict(text="창원시는 진해구 웅동 일원 명동 해양관광단지 진입도로 확·포장 공사를 2025년 말까지 "
              "마무리할 계획이다. 총사업비는 135억 원으로, 국비 60억 원과 시비 75억 원이 들어간다.",
         amount="135억 원", agency="창원시", project="진입도로 확·포장",
         region="진해구 웅동 일원"),
    dict(text="국토교통부는 광역버스 환승센터 5곳 구축에 총 600억 원을 지원한다.",
         amount="600억 원", agency="국토교통부", project=None, region=None),
    dict(text="제주특별자치도는 서귀포시 표선면 일원에 총사업비 95억 원을 들여 제주 감귤 스마트 "
              "가공센터를 짓는다.",
         amount="95억 원", agency="제주특별자치도", project="감귤 스마트 가공센터",
         region="서귀포시 표선면 일원"),
    dict(text="고양시는 일산서구 대화동 킨텍스 인근에 총 1,200억 원 규모의 'K-컬처밸리 공연장' "
              "건립을 추진한다.",
         amount="1,200억 원", agency="고양시", project="K-컬처밸리 공연장",
         region="일산서구 대화동"),
    dict(text="화성시는 총 40억 원을 들여 동탄 여울공원 내 수변 산책로를 조성한다.",
         amount="40억 원", agency="화성시", project="수변 산책로", region="동탄 여울공원"),
    dict(text="경상북도는 영천시 금호읍 일원에 총사업비 280억 원(국비 140억 원, 도비 42억 원, "
              "시비 98억 원)을 들여 농기계 종합 지원센터를 조성한다.",
         amount="280억 원", agency="경상북도", project="농기계 종합 지원센터",
         region="영천시 금호읍 일원"),
    dict(text="교육부는 2025년 그린스마트 미래학교 사업에 총 1조 8,000억 원(국비 5,400억 원, "
              "지방비 1조 2,600억 원)을 투입한다.",
         amount="1조 8,000억 원", agency="교육부", project="그린스마트 미래학교", region=None),
    dict(text="홍천군은 내촌면 일원에 '산림치유 체험공원'을 조성한다.\n이번 사업은 총 48억 원(국비 "
              "24억 원, 군비 24억 원) 규모로, 군은 올해 설계를 마치고 내년 착공할 예정이다.",
         amount="48억 원", agency="홍천군", project="산림치유 체험공원", region="내촌면 일원"),
    dict(text="보건복지부 보도참고자료\n\n지역 필수의료 강화\n\n올해 권역 심뇌혈관질환센터 운영 지원에 "
              "총 150억 원(국비 75억 원, 지방비 75억 원)이 투입된다.",
         amount="150억 원", agency="보건복지부", project="심뇌혈관질환센터", region=None),
    dict(text="아산시는 음봉면 아산 스마트밸리 산업단지 내 공공폐수처리시설 증설에 총 210억 원"
              "(국비 105억 원, 시비 105억 원)을 투입한다.",
         amount="210억 원", agency="아산시", project="공공폐수처리시설",
         region="스마트밸리 산업단지"),
    dict(text="서울시는 2028년까지 총 4,200억 원을 투입해 '서울형 키즈카페' 400곳을 조성한다.",
         amount="4,200억 원", agency="서울시", project=None, region=None),
]


def _norm(s):
    return "" if s is None else "".join(s.split())


def judge(case, record):
    """(agency right, project right, region right) for one case's record (None: none found)."""
    text = case["text"]
    agency = record and record.agency and record.agency.text
    project = record and record.project and record.project.text
    region = record and record.region
    ok_agency = record is not None and _norm(agency) == _norm(case["agency"])
    if case["project"] is None:
        ok_project = record is not None and project is None
    else:
        ok_project = bool(project) and len(project) <= 40 and _norm(case["project"]) in _norm(project)
    if case["region"] is None:
        ok_region = record is not None and region is None
    else:
        g = text.find(case["region"])  # a gold region not in the text: no answer is right
        ok_region = (bool(region) and g != -1 and region.start < g + len(case["region"])
                     and g < region.end)
    return ok_agency, ok_project, ok_region


def record_named(text: str, amount: str):
    """The record of the mention written ``amount`` in ``text`` (the family tests' helper)."""
    import fundparse

    mention = next(m for m in fundparse.extract(text) if m.text == amount)
    return mention.record


def text_of(span):
    return None if span is None else span.text


def record_of(case, extract):
    mention = next((m for m in extract(case["text"]) if m.text == case["amount"]), None)
    return None if mention is None else mention.record


def score(cases, extract, show=None):
    """{"agency": rate, "project": rate, "region": rate}; ``show(case, record)`` per miss."""
    hits = [0, 0, 0]
    for case in cases:
        record = record_of(case, extract)
        verdict = judge(case, record)
        hits = [h + ok for h, ok in zip(hits, verdict)]
        if show is not None and not all(verdict):
            show(case, record)
    return {k: h / len(cases) for k, h in zip(("agency", "project", "region"), hits)}
