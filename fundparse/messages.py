"""The words people read: one catalogue of human-facing strings, Korean by default and English
with ``lang="en"``.  Machine formats (JSON, CSV field names, finding codes) are not here.

    >>> from fundparse.messages import message
    >>> message("table.count", n=3), message("table.count", "en", n=1)
    ('금액 3건', '1 amount')

A template is a string, or a ``(one, many)`` pair chosen by the value ``n`` (English plurals).
Values are filled with ``str.format``; an unknown key is a bug (``KeyError``).
"""

from __future__ import annotations

__all__ = ["LANGS", "MESSAGES", "message", "category_name", "marker_word"]

LANGS = ("ko", "en")

MESSAGES: dict[str, dict[str, str | tuple[str, str]]] = {
    # the per-file table of `fundparse extract`
    "table.line": {"ko": "줄:열", "en": "line:col"},
    "table.amount": {"ko": "표기", "en": "amount"},
    "table.krw": {"ko": "원화", "en": "KRW"},
    "table.label": {"ko": "항목", "en": "label"},
    "table.splits": {"ko": "재원", "en": "splits"},
    "table.period": {"ko": "기간", "en": "period"},
    "table.markers": {"ko": "표지", "en": "markers"},
    "table.findings": {"ko": "검사", "en": "findings"},
    "table.count": {"ko": "금액 {n}건", "en": ("{n} amount", "{n} amounts")},
    "table.none": {"ko": "{path}: 금액을 찾지 못했습니다", "en": "{path}: no amounts found"},
    "table.findings_count": {"ko": "{n}건", "en": "{n}"},
    "table.dropped": {"ko": "화면이 좁아 뺀 열: {columns}", "en": "left out to fit the width: {columns}"},
    "table.shortened": {"ko": "화면이 좁아 줄인 열: {columns}",
                        "en": "shortened to fit the width: {columns}"},
    "table.findings_codes": {"ko": "검사(코드만)", "en": "findings (codes only)"},
    "table.findings_counted": {"ko": "검사(건수만)", "en": "findings (count only)"},
    "table.splits_short": {"ko": "재원(분류 생략)", "en": "splits (no category)"},
    "table.splits_shorter": {"ko": "재원(분류·비율 생략)", "en": "splits (no category, share)"},
    "table.amount_merged": {"ko": "표기(원화 열에 합침)", "en": "amount (merged into KRW)"},
    # the totals footer (report/totals.py once it moves there)
    "count.files": {"ko": "파일 {n}개", "en": ("{n} file", "{n} files")},
    "totals.title": {"ko": "재원별 합계 — {files}, {amounts}",
                     "en": "Totals by funding source — {files}, {amounts}"},
    "totals.caption": {"ko": "문서마다 같은 (항목, 원화) 부분은 한 번만 셉니다. 원화 금액만 더합니다.",
                       "en": "each distinct (label, KRW) part counted once per document; KRW only"},
    "totals.source": {"ko": "재원", "en": "source"},
    "totals.krw": {"ko": "원화", "en": "KRW"},
    "totals.share": {"ko": "비율", "en": "share"},
    "totals.total": {"ko": "합계", "en": "total"},
    "totals.empty": {"ko": "{files}, {amounts}: 합계를 낼 재원 구성이 없습니다",
                     "en": "{files}, {amounts}; no funding-source splits to total"},
}

CATEGORY_NAMES = {
    "ko": {"national": "국비", "provincial": "도비·광역시비", "municipal": "시·군·구비",
           "local": "지방비", "private": "민간", "self": "자부담", "other": "기타"},
    "en": {"national": "national", "provincial": "provincial", "municipal": "municipal",
           "local": "local", "private": "private", "self": "self-funded", "other": "other"},
}

MARKER_WORDS = {
    "ko": {"approx": "약", "min": "이상", "max": "이하", "increase": "증가", "decrease": "감소",
           "to": "~{high}", "per": "{per}", "fiscal_year": "{year}회계연도", "page": "{page}쪽",
           "year": "연간", "month": "매월", "week": "주당", "day": "일당", "hour": "시간당",
           "person": "1인당", "household": "가구당", "item": "개당", "share": "주당",
           "other": "단위당"},
    "en": {"approx": "approx", "min": "min", "max": "max", "increase": "increase",
           "decrease": "decrease", "to": "to {high}", "per": "per {per}",
           "fiscal_year": "FY{year}", "page": "p.{page}"},
}


def _lang(lang: str | None) -> str:
    return lang if lang in LANGS else "ko"


def message(key: str, lang: str | None = "ko", **values: object) -> str:
    """The text of ``key`` in ``lang`` ("ko" when unknown), filled with ``values``."""
    template = MESSAGES[key][_lang(lang)]
    if isinstance(template, tuple):
        template = template[0] if values.get("n") == 1 else template[1]
    return template.format(**values) if values else template


def category_name(category: str, lang: str | None = "ko") -> str:
    """A funding-source category in words ("national" -> "국비"); a compound or unknown
    category is given as it is."""
    return CATEGORY_NAMES[_lang(lang)].get(category, category)


def marker_word(key: str, lang: str | None = "ko", **values: object) -> str:
    """A marker of the table (approx, min, per …) in words; an unknown value as it is."""
    template = MARKER_WORDS[_lang(lang)].get(key, key)
    return template.format(**values) if values else template
