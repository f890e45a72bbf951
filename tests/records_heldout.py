"""A second set of funded totals, written after the rules of fundparse/records were (issue 20),
and scored once before any rule was changed for them (the first-seen figure is in README).
Same shape as records_cases.CASES."""

CASES = [
    dict(text="[경북일보 김민수 기자] 영주시는 풍기읍 동부리 일원에 총사업비 52억 원(국비 26억 원, "
              "도비 7억 8천만 원, 시비 18억 2천만 원)을 들여 풍기인삼 산업특구 홍보관을 건립한다.",
         amount="52억 원", agency="영주시", project="풍기인삼 산업특구 홍보관",
         region="풍기읍 동부리 일원"),
    dict(text="한국농어촌공사는 올해 노후 저수지 120곳의 개보수에 모두 1,320억 원을 투입한다.",
         amount="1,320억 원", agency="한국농어촌공사", project=None, region=None),
    dict(text="정부가 반도체 특화단지 기반시설 구축에 내년부터 3년간 국비 2,000억 원을 포함해 "
              "총 4,000억 원을 지원한다.",
         amount="4,000억 원", agency="정부", project="반도체 특화단지 기반시설", region=None),
    dict(text="서울 강남구는 개포동 일대 양재천 수변 쉼터 조성에 구비 12억 원을 포함한 총 20억 "
              "원을 투입했다고 밝혔다.",
         amount="20억 원", agency="서울 강남구", project="양재천 수변 쉼터", region="개포동 일대"),
    dict(text="경기도교육청은 2025년까지 「학교 공간혁신」 사업에 총 9,500억 원을 투자한다.",
         amount="9,500억 원", agency="경기도교육청", project="학교 공간혁신", region=None),
    dict(text="여수시가 돌산읍 우두리 일원에 추진하는 해양레저 복합단지 조성사업의 총사업비는 "
              "1,200억 원이다.",
         amount="1,200억 원", agency="여수시", project="해양레저 복합단지",
         region="돌산읍 우두리 일원"),
    dict(text="군산시 보도자료\n\n새만금 수변도시 진입 광역도로 개설\n\n총 사업비 870억 원(국비 "
              "870억 원)이 들어가는 이번 공사는 2027년 완공이 목표다.",
         amount="870억 원", agency="군산시", project="진입 광역도로", region=None),
    dict(text="중소벤처기업부는 지역특화 스마트공장 보급사업에 올해 총 510억 원을 지원한다고 "
              "3일 밝혔다. 중기부는 이번 사업으로 300개 공장의 자동화를 돕는다.",
         amount="510억 원", agency="중소벤처기업부", project="스마트공장 보급", region=None),
    dict(text="청주시는 오창읍 일원에 청주 오창 방사광가속기 연계 지원센터를 짓기로 했다. 사업비는 "
              "국비 150억 원, 도비 50억 원, 시비 100억 원 등 총 300억 원이다.",
         amount="300억 원", agency="청주시", project="방사광가속기 연계 지원센터",
         region="오창읍 일원"),
    dict(text="순천시는 순천만국가정원 인근에 들어설 '순천 애니메이션 클러스터' 조성에 총 "
              "1,500억 원을 들인다.",
         amount="1,500억 원", agency="순천시", project="순천 애니메이션 클러스터",
         region="순천만국가정원 인근"),
    dict(text="대전시는 2026년까지 총 560억 원(국비 280억 원, 시비 280억 원)을 투입해 유성구 "
              "하기동 일원에 대전 국가 우주산업 지원센터를 구축한다.",
         amount="560억 원", agency="대전시", project="우주산업 지원센터",
         region="유성구 하기동 일원"),
    dict(text="문화체육관광부는 전국 8개 지역에 생활문화센터를 짓는 데 총 160억 원을 지원한다.",
         amount="160억 원", agency="문화체육관광부", project=None, region=None),
    dict(text="양평군은 양서면 두물머리 일대 수변 생태탐방로 정비에 총 35억 원(도비 10억 원, "
              "군비 25억 원)을 투입한다.",
         amount="35억 원", agency="양평군", project="수변 생태탐방로", region="두물머리 일대"),
    dict(text="강원특별자치도는 춘천 레고랜드 진입도로 4차로 확장공사에 총 248억 원을 들여 "
              "내년 상반기에 착공한다.",
         amount="248억 원", agency="강원특별자치도", project="레고랜드 진입도로",
         region=None),
    dict(text="진주시는 올해 충무공동 혁신도시 내 진주 실내체육관 건립을 마무리한다. 시는 이 "
              "사업에 총 420억 원(국비 40억 원, 도비 60억 원, 시비 320억 원)을 투입했다.",
         amount="420억 원", agency="진주시", project="진주 실내체육관",
         region="충무공동 혁신도시"),
    dict(text="평택시는 포승읍 평택항 배후단지에 총사업비 230억 원을 들여 수소 충전소와 수소 "
              "교통 복합기지를 조성한다.",
         amount="230억 원", agency="평택시", project="수소 교통 복합기지",
         region="평택항 배후단지"),
    dict(text="국가철도공단은 경전선 진주~광양 구간 전철화 사업에 총사업비 2,511억 원을 투입해 "
              "2024년 말 개통한다.",
         amount="2,511억 원", agency="국가철도공단", project="전철화", region=None),
    dict(text="완주군은 봉동읍 완주산업단지 내 수소 특화 국가산단 진입도로를 개설한다. 총 "
              "사업비 190억 원 가운데 국비는 95억 원이다.",
         amount="190억 원", agency="완주군", project="진입도로", region="완주산업단지"),
    dict(text="해양경찰청은 대형 경비함정 2척 건조에 모두 1,600억 원을 투입한다.",
         amount="1,600억 원", agency="해양경찰청", project=None, region=None),
    dict(text="김포시는 한강신도시 일원에 총 75억 원을 들여 '김포 아트빌리지 공연장'을 "
              "새로 짓는다.",
         amount="75억 원", agency="김포시", project="김포 아트빌리지 공연장",
         region="한강신도시 일원"),
    dict(text="고용노동부는 청년 일경험 지원사업 예산으로 올해 1,000억 원을 편성했다.",
         amount="1,000억 원", agency="고용노동부", project="청년 일경험 지원", region=None),
    dict(text="경남도는 사천시 용현면 일원 우주항공 국가산업단지 조성에 총 3,600억 원을 "
              "투입한다.",
         amount="3,600억 원", agency="경남도", project="우주항공 국가산업단지",
         region="용현면 일원"),
    dict(text="하동군은 지난해 착공한 '하동 알프스 레포츠 파크'를 내년 문을 연다. 총사업비는 "
              "182억 원(국비 91억 원, 도비 27억 원, 군비 64억 원)이다.",
         amount="182억 원", agency="하동군", project="하동 알프스 레포츠 파크", region=None),
    dict(text="부천시는 원미구 심곡동 일원 도시재생 뉴딜사업에 총 250억 원을 투입해 주민 "
              "공동체 거점시설을 짓는다.",
         amount="250억 원", agency="부천시", project="도시재생 뉴딜",
         region="심곡동 일원"),
]
