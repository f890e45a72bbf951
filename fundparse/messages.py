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
    "totals.caption": {"ko": "재원은 가장 안쪽 구분까지 나누어 문서마다 한 번씩 셉니다. 원화 금액만 "
                             "더합니다.",
                       "en": "parts broken down to their innermost parts, each once per "
                             "document; KRW only"},
    "totals.source": {"ko": "재원", "en": "source"},
    "totals.krw": {"ko": "원화", "en": "KRW"},
    "totals.share": {"ko": "비율", "en": "share"},
    "totals.total": {"ko": "합계", "en": "total"},
    "totals.empty": {"ko": "{files}, {amounts}: 합계를 낼 재원 구성이 없습니다",
                     "en": "{files}, {amounts}; no funding-source splits to total"},
    # the command line: errors and notes on stderr (all commands)
    "cli.usage": {"ko": "{prog}: 명령줄 오류 — {problem} (`{prog} --help` 참고)",
                  "en": "{prog}: {problem} (see `{prog} --help`)"},
    "cli.no_input": {"ko": "입력이 없습니다: 파일이나 폴더를 주십시오(표준 입력은 '-')",
                     "en": "no input: give files or folders, or '-' to read stdin"},
    "cli.bad_year": {"ko": "--year: 2024 같은 연도여야 합니다(받은 값: {value})",
                     "en": "--year: expected a year such as 2024, not {value}"},
    "cli.bad_doc_date": {"ko": "--doc-date: YYYY-MM-DD 꼴의 날짜여야 합니다(받은 값: {value!r})",
                         "en": "--doc-date: expected YYYY-MM-DD, not {value!r}"},
    "cli.bad_jobs": {"ko": "--jobs: 0 이상이어야 합니다(받은 값: {value})",
                     "en": "--jobs: expected 0 or more, not {value}"},
    "cli.no_config": {"ko": "--config: 파일이 없습니다: {path}", "en": "--config: no such file: {path}"},
    "cli.bad_env_int": {"ko": "환경 변수 {name}: 정수여야 합니다(받은 값: {value!r})",
                        "en": "{name}: expected a whole number, not {value!r}"},
    "cli.bad_env_positive": {"ko": "환경 변수 {name}: 양수여야 합니다(받은 값: {value!r})",
                             "en": "{name}: expected a positive number, not {value!r}"},
    "cli.cannot_write_file": {"ko": "--output: {path}에 쓸 수 없습니다({reason})",
                         "en": "--output: cannot write {path}: {reason}"},
    "cli.file_error": {"ko": "{path}: 읽지 못했습니다 — {reason}", "en": "{path}: {reason}"},
    "cli.config_error": {"ko": "{problem} (설정 오류)", "en": "{problem}"},
    "cli.note": {"ko": "{path}: 참고 — {note}", "en": "{path}: {note}"},
    "cli.worker_read": {"ko": "작업 프로세스 {pid}: {path} 읽음 ({how})",
                        "en": "worker {pid} read {path} ({how})"},
    "cli.internal_file": {"ko": "{path}: 내부 오류({reason}) — fundparse의 버그입니다. {url} 에 "
                                "알려 주십시오",
                          "en": "{path}: internal error ({reason}); please report this at {url}"},
    "cli.internal": {"ko": "내부 오류({reason}) — fundparse의 버그입니다. {url} 에 알려 주십시오",
                     "en": "internal error ({reason}); please report this at {url}"},
    "cli.interrupted": {"ko": "중단했습니다", "en": "interrupted"},
    "cli.cannot_write": {"ko": "출력을 쓸 수 없습니다: {reason}", "en": "cannot write output: {reason}"},
    "cli.user_error": {"ko": "{problem} (입력 오류)", "en": "{problem}"},
    "cli.missing_module": {"ko": "{name}: 이 설치에는 {module} 모듈이 없습니다",
                           "en": "{name}: this installation has no {module}"},
    "cli.progress": {"ko": "파일", "en": "files"},
    # extract
    "extract.excel_csv": {"ko": "--excel은 CSV를 씁니다: --format {format}과 함께 쓸 수 없습니다",
                          "en": "--excel writes CSV; it cannot be combined with --format {format}"},
    "extract.xlsx_terminal": {"ko": "--format xlsx는 엑셀 파일을 씁니다: -o 파일.xlsx로 저장할 "
                                    "곳을 주십시오",
                              "en": "--format xlsx writes a binary workbook: give -o FILE.xlsx"},
    "extract.bad_min_krw": {"ko": "--min-krw: 원화 금액이어야 합니다(예: 1000000000, 10억). "
                                  "받은 값: {value!r}",
                            "en": "--min-krw: {value!r} is not an amount in won "
                                  "(for example 1000000000 or 10억)"},
    "extract.bad_category": {"ko": "--category: 재원 분류는 {categories} 중 하나여야 합니다",
                             "en": "--category: expected one of {categories}"},
    # check --show-settings
    "settings.for": {"ko": "{path}에 적용되는 설정", "en": "Settings for {path}"},
    "settings.file": {"ko": "  설정 파일: {file}", "en": "  configuration file: {file}"},
    "settings.defaults": {"ko": "없음(기본값)", "en": "none (the defaults)"},
    "settings.none": {"ko": "(없음)", "en": "(none)"},
    "settings.select": {"ko": "  켤 규칙(select): {value}", "en": "  select: {value}"},
    "settings.ignore": {"ko": "  끌 규칙(ignore): {value}", "en": "  ignore: {value}"},
    "settings.cli": {"ko": "  명령줄: --select {select}, --ignore {ignore}",
                     "en": "  command line: --select {select}, --ignore {ignore}"},
    "settings.per_file": {"ko": "  파일별로 끌 규칙(per-file-ignores): {value}",
                          "en": "  per-file-ignores: {value}"},
    "settings.matches": {"ko": " (이 경로에 해당)", "en": " (applies here)"},
    "settings.exclude": {"ko": "  건너뛸 경로(exclude, extend-exclude): {value}",
                         "en": "  exclude, extend-exclude: {value}"},
    "settings.force_exclude": {"ko": "  지정한 파일에도 exclude 적용(force-exclude): {value}",
                               "en": "  force-exclude: {value}"},
    "settings.excluded": {"ko": "  이 경로는 exclude에 걸려 폴더를 훑을 때 건너뜁니다",
                          "en": "  this path is excluded: a folder walk passes it over"},
    "settings.lang": {"ko": "  언어(lang): {value}", "en": "  lang: {value}"},
    "settings.rules": {"ko": "  이 경로에서 알리는 규칙: {value}", "en": "  rules reported here: {value}"},
    "settings.yes": {"ko": "예", "en": "yes"},
    "settings.no": {"ko": "아니요", "en": "no"},
    # rules
    "rules.unknown": {"ko": "rules: 모르는 규칙 코드나 접두어입니다: {code!r} (규칙: {codes})",
                      "en": "rules: unknown rule code or prefix {code!r} (rules: {codes})"},
    "rules.bad": {"ko": "틀린 예", "en": "bad"},
    "rules.good": {"ko": "맞는 예", "en": "good"},
    "rules.suppressions": {
        "ko": "무시 주석 — 보도자료 안에:\n"
              "  <!-- fundparse: ignore FP101 사유 -->     이 줄과 다음 비지 않은 줄\n"
              "  # fundparse: ignore FP101, FP301         (한 줄 전체)\n"
              "  <!-- fundparse: ignore-file FP301 -->    파일 전체\n"
              "  코드가 없으면 모든 규칙이고, 접두어(FP1)도 됩니다.\n"
              "  없는 코드(FP901)와 잘못 쓴 주석(FP902)은 오류, 가리는 것이 없는 주석(FP903)은 경고입니다"
              "(ruff의 RUF100처럼). --ignore FP9 또는 ignore = [\"FP903\"]로 끌 수 있습니다.",
        "en": "Suppressions — in the release itself:\n"
              "  <!-- fundparse: ignore FP101 reason -->  this line and the next non-empty line\n"
              "  # fundparse: ignore FP101, FP301         (a line of its own)\n"
              "  <!-- fundparse: ignore-file FP301 -->    the whole file\n"
              "  No code means every rule; prefixes (FP1) work.\n"
              "  An unknown code (FP901) or a misspelt directive (FP902) is an error; a suppression that\n"
              "  covers no finding (FP903) is a warning, like ruff's RUF100. --ignore FP9 or\n"
              "  ignore = [\"FP903\"] switch them off."},
    "rules.fix_comment": {"ko": "주석을 고치거나 지우십시오.", "en": "correct the comment, or delete it."},
    "rules.when_right": {"ko": "수치가 맞는데도 지적되면 보도자료에 표시를 남기십시오:",
                         "en": "When the figures are right after all, leave a note in the release:"},
    "rules.next_line": {"ko": "(이 줄과 다음 비지 않은 줄)",
                        "en": "(this line and the next non-empty line)"},
    "rules.switch_off": {"ko": "또는 규칙을 끄십시오: [tool.fundparse] 아래 ignore = [\"{code}\"]",
                         "en": "or switch the rule off: ignore = [\"{code}\"] under [tool.fundparse]."},
    "rules.error": {"ko": "오류", "en": "error"},
    "rules.warning": {"ko": "경고", "en": "warning"},
    # report (the command; the page's own words are in report/tips.py)
    "report.cannot_create": {"ko": "{path}: 폴더를 만들 수 없습니다({reason})",
                             "en": "{path}: {reason}"},
    "report.cannot_write": {"ko": "{path}: 쓸 수 없습니다({reason})", "en": "{path}: {reason}"},
    "report.written": {"ko": "페이지 {n}개를 썼습니다: {where}",
                       "en": ("wrote {n} page: {where}", "wrote {n} pages: {where}")},
    # eval
    "eval.no_gold": {"ko": "{path}: 정답 파일이 없습니다", "en": "{path}: no such gold file"},
    "eval.no_gold_in": {"ko": "{path}: 폴더에 정답 파일(*.jsonl)이 없습니다",
                        "en": "{path}: no gold files (*.jsonl) in this folder"},
    "eval.below_floor": {"ko": "{kind}의 F1 {f1}이 하한 {floor}보다 낮습니다",
                         "en": "F1 for {kind} {f1} is below the floor {floor}"},
    "eval.gold_problems": {"ko": "정답 문서에 문제 {n}건이 있습니다(위의 'errors'; "
                                 "fundparse eval --validate가 더 자세히 보여 줍니다)",
                           "en": ("{n} gold document problem; see 'errors' above "
                                  "(fundparse eval --validate shows more)",
                                  "{n} gold document problems; see 'errors' above "
                                  "(fundparse eval --validate shows more)")},
    "eval.validated": {"ko": "정답 파일 {files}개, 문서 {docs}개, 금액 {amounts}개, 재원 {splits}개, "
                             "기간 {periods}개: {state}",
                       "en": "{files} gold file(s), {docs} documents, {amounts} amounts, "
                             "{splits} splits, {periods} periods: {state}"},
    "eval.valid": {"ko": "이상 없음", "en": "ok"},
    "eval.invalid": {"ko": "문제 {n}건", "en": "{n} problem(s)"},
    "eval.warning": {"ko": "경고: {problem}", "en": "warning: {problem}"},
    "eval.problems_title": {"ko": "정답 문서의 문제", "en": "Gold document problems"},
    "eval.title": {"ko": "fundparse 평가 — 문서 {n}개", "en": "fundparse eval — {n} documents"},
    "eval.markers_title": {"ko": "맞힌 정답 금액의 표지", "en": "Markers over matched gold amounts"},
    "eval.groups_title": {"ko": "묶음별 (F1, 맞힘/정답/엔진)",
                          "en": "By group (F1, matched/gold/engine)"},
    "eval.findings": {"ko": "검사 결과(참고): 재현율 {recall} (기대한 코드 {expected}개 중 {raised}개), "
                            "오경보 문서 {alarms}/{docs} (비율 {rate})",
                      "en": "check findings (informational): recall {recall} ({raised}/{expected} "
                            "expected codes raised), false alarms in {alarms}/{docs} documents "
                            "(rate {rate})"},
    "eval.not_raised": {"ko": "  나오지 않음  {id}: {codes}", "en": "  not raised  {id}: {codes}"},
    "eval.false_alarm": {"ko": "  오경보  {id}: {codes}", "en": "  false alarm {id}: {codes}"},
    "eval.missed": {"ko": "놓친 {kind} ({n})", "en": "Missed {kind} ({n})"},
    "eval.false_positive": {"ko": "잘못 찾은 {kind} ({n})", "en": "False-positive {kind} ({n})"},
    "eval.marker_errors": {"ko": "맞힌 금액의 표지 차이 ({n})",
                           "en": "Marker differences on matched amounts ({n})"},
    "eval.kind.amounts": {"ko": "금액", "en": "amounts"},
    "eval.kind.splits": {"ko": "재원", "en": "splits"},
    "eval.kind.periods": {"ko": "기간", "en": "periods"},
    "eval.col.gold": {"ko": "정답", "en": "gold"},
    "eval.col.engine": {"ko": "엔진", "en": "engine"},
    "eval.col.matched": {"ko": "맞힘", "en": "matched"},
    "eval.col.precision": {"ko": "정밀도", "en": "precision"},
    "eval.col.recall": {"ko": "재현율", "en": "recall"},
    "eval.col.floor": {"ko": "하한", "en": "floor"},
    "eval.col.marker": {"ko": "표지", "en": "marker"},
    "eval.col.correct": {"ko": "맞음", "en": "correct"},
    "eval.col.accuracy": {"ko": "정확도", "en": "accuracy"},
    "eval.col.stated": {"ko": "정답에 적힘", "en": "stated in gold"},
    "eval.col.stated_accuracy": {"ko": "적힌 것의 정확도", "en": "accuracy where stated"},
    "eval.col.group": {"ko": "묶음", "en": "group"},
    "eval.col.docs": {"ko": "문서", "en": "docs"},
    "eval.col.where": {"ko": "파일:줄", "en": "file:line"},
    "eval.col.problem": {"ko": "문제", "en": "problem"},
    "eval.col.line": {"ko": "줄", "en": "line"},
    "eval.col.text": {"ko": "표기", "en": "text"},
    "eval.col.value": {"ko": "값", "en": "value"},
    "eval.col.currency": {"ko": "통화", "en": "currency"},
    "eval.col.note": {"ko": "비고", "en": "note"},
    "eval.col.total_krw": {"ko": "총액(원)", "en": "total_krw"},
    "eval.col.category": {"ko": "분류", "en": "category"},
    "eval.col.krw": {"ko": "원화", "en": "krw"},
    "eval.col.label": {"ko": "항목/표기", "en": "label/text"},
    "eval.col.start": {"ko": "시작", "en": "start"},
    "eval.col.end": {"ko": "끝", "en": "end"},
    "eval.col.years": {"ko": "연수/표기", "en": "years/text"},
    "eval.col.engine_value": {"ko": "엔진 값", "en": "engine"},
    "eval.marker.approximate": {"ko": "어림(약)", "en": "approximate"},
    "eval.marker.bound": {"ko": "한계(이상·이하)", "en": "bound"},
    "eval.marker.per": {"ko": "단위(1인당 등)", "en": "per"},
    "eval.marker.range": {"ko": "범위", "en": "range"},
    "eval.marker.change": {"ko": "증감", "en": "change"},
    "eval.range_high": {"ko": "범위 상한", "en": "range high"},
    "eval.split_part": {"ko": "재원 부분", "en": "split part"},
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
    """A funding-source category in words ("national" -> "국비", "national+provincial" ->
    "국비+도비·광역시비"); an unknown category is given as it is."""
    names = CATEGORY_NAMES[_lang(lang)]
    return "+".join(names.get(part, part) for part in category.split("+"))


def marker_word(key: str, lang: str | None = "ko", **values: object) -> str:
    """A marker of the table (approx, min, per …) in words; an unknown value as it is."""
    template = MARKER_WORDS[_lang(lang)].get(key, key)
    return template.format(**values) if values else template


# The command line's help (``fundparse … --help``): the English text as written in cli/args.py,
# and its Korean, shown unless the language is English.  A help text missing here is shown in
# English (tests/test_cli_newcomer.py checks that none is).
HELP_KO: dict[str, str] = {
    "one row per funded total: agency, project, region, KRW":
        "재원이 있는 총액마다 한 줄: 기관, 사업, 지역, 원화 금액",
    "do not compare the same project across the files (FP310-FP312)":
        "여러 파일에 걸쳐 같은 사업을 비교하지 않음(FP310-FP312)",
    "files or folders (searched recursively; hidden entries skipped, symlinked folders not "
    "followed); '-' reads stdin. Without PATH, stdin is read when it is not a terminal":
        "파일이나 폴더(하위 폴더까지 찾고, 숨은 항목과 폴더 심볼릭 링크는 건너뜀). '-'는 표준 입력. "
        "PATH가 없으면 터미널이 아닌 표준 입력을 읽음",
    "file names to take from folders (repeatable; replaces the default *.txt *.md *.htm *.html "
    "*.hwpx *.hwp *.pdf; a GLOB with '/' matches the path below the folder). Files named "
    "directly are always read":
        "폴더에서 읽을 파일 이름(여러 번 가능, 기본값 *.txt *.md *.htm *.html *.hwpx *.hwp *.pdf를 "
        "대신함. '/'가 든 GLOB은 폴더 아래 경로와 맞춤). 직접 지정한 파일은 늘 읽음",
    "name to report and choose the format/config by for '-'":
        "'-'(표준 입력)의 이름: 출력에 쓰고 형식과 설정을 이 이름으로 고름",
    "the documents' date, for relative years (올해, 내년); default: the date each document "
    "states in its header":
        "문서 날짜(올해·내년 해석용). 기본값: 각 문서 머리에 적힌 날짜",
    "like --doc-date YYYY-01-01": "--doc-date YYYY-01-01과 같음",
    "use this .fundparse.toml / pyproject.toml instead of the nearest one above each input":
        "각 입력 위에서 가장 가까운 설정 대신 이 .fundparse.toml / pyproject.toml을 씀",
    "language of every message, table and page (default: config 'lang', else ko); machine "
    "formats keep their English field names":
        "메시지·표·페이지의 언어(기본값: 설정의 lang, 없으면 ko). 기계용 형식의 필드 이름은 영어 "
        "그대로",
    "read files in N worker processes (0 = one per CPU); output is the same as with --jobs 1":
        "작업 프로세스 N개로 파일을 읽음(0이면 CPU마다 하나). 출력은 --jobs 1과 같음",
    "say on stderr which worker read which file, its format and encoding":
        "어느 작업 프로세스가 어떤 파일을 어떤 형식·인코딩으로 읽었는지 표준 오류에 알림",
    "Find every monetary expression in Korean text — amounts in exact KRW, funding splits "
    "(국비/도비/시비), project periods — and check that the figures agree.":
        "한국어 글에서 모든 금액 표현을 찾습니다 — 정확한 원화 금액, 재원 구성(국비/도비/시비), "
        "사업 기간 — 그리고 수치가 서로 맞는지 검사합니다.",
    "amounts, splits and periods from files": "파일에서 금액·재원·기간을 뽑음",
    "Extract every monetary mention with its funding splits, period and findings.":
        "모든 금액을 재원 구성, 기간, 검사 결과와 함께 뽑습니다.",
    "output format (default: table; csv with --excel)":
        "출력 형식(기본값: table, --excel이면 csv)",
    "write to FILE instead of stdout": "표준 출력 대신 FILE에 씀",
    "CSV with a UTF-8 byte-order mark, so spreadsheets read Hangul":
        "스프레드시트가 한글을 읽도록 UTF-8 BOM을 붙인 CSV",
    "order of the amounts: krw (largest first), position (text order, the default), file (by "
    "file name)":
        "금액의 순서: krw(큰 금액부터), position(본문 순서, 기본값), file(파일 이름순)",
    "only amounts of at least AMOUNT won (1000000000, 10억)":
        "AMOUNT원 이상인 금액만(1000000000, 10억)",
    "only amounts with a funding part of this category: national, provincial, municipal, "
    "local, private, self, other (comma-separated, repeatable)":
        "이 분류의 재원이 든 금액만: national(국비), provincial(도비), municipal(시·군·구비), "
        "local(지방비), private(민간), self(자부담), other(기타) (쉼표로 여럿, 여러 번 가능)",
    "only amounts whose label contains TEXT (repeatable)":
        "항목 이름에 TEXT가 든 금액만(여러 번 가능)",
    "only amounts broken down into funding sources": "재원별로 나뉜 금액만",
    "consistency findings (the pre-commit hook)": "수치가 맞는지 검사(pre-commit 훅)",
    "Report figures that contradict each other: parts that do not add up, shares, periods, "
    "totals given twice, malformed numbers.":
        "서로 어긋나는 수치를 알립니다: 합이 맞지 않는 재원, 비율, 기간, 두 번 다르게 적힌 총액, "
        "잘못 쓴 숫자.",
    "text: path:line:column: CODE message (default); json; github: GitHub Actions annotations":
        "text: 경로:줄:열: 코드 메시지(기본값), json, github: GitHub Actions 주석",
    "files or folders (searched recursively; hidden entries skipped, symlinked folders not "
    "followed); '-' reads stdin. Without PATH, a piped stdin is read, else the current folder "
    "'.'":
        "파일이나 폴더(하위 폴더까지 찾고, 숨은 항목과 폴더 심볼릭 링크는 건너뜀). '-'는 표준 입력. "
        "PATH가 없으면 파이프로 들어온 표준 입력을, 아니면 현재 폴더 '.'를 검사",
    "apply the configuration's exclude to files named on the command line too (as pre-commit "
    "names them)":
        "설정의 exclude를 명령줄에 직접 지정한 파일에도 적용(pre-commit이 파일을 지정하듯)",
    "text: path:line:column: CODE message (default); json: a list; jsonl: one finding per line; "
    "github: GitHub Actions annotations; sarif: SARIF 2.1.0 for GitHub code scanning":
        "text: 경로:줄:열: 코드 메시지(기본값), json: 목록, jsonl: 한 줄에 검사 결과 하나, "
        "github: GitHub Actions 주석, sarif: GitHub 코드 스캔용 SARIF 2.1.0",
    "exit 0 even when an error-severity finding is reported (2 and 3 still mean what they say)":
        "오류 등급의 검사 결과가 있어도 종료 코드 0(2와 3은 그대로)",
    "print the findings and nothing else: no notes, no progress bar":
        "검사 결과만 출력: 참고 메시지와 진행 막대 없음",
    "print the configuration that applies to each PATH (file, select, ignore, per-file-ignores, "
    "exclude) and exit 0":
        "PATH마다 적용되는 설정(파일, select, ignore, per-file-ignores, exclude)을 보이고 "
        "종료 코드 0으로 끝냄",
    "only these codes or prefixes (comma-separated, repeatable; replaces the config's select)":
        "이 코드나 접두어만(쉼표로 여럿, 여러 번 가능, 설정의 select를 대신함)",
    "leave out these codes or prefixes (added to the config's ignore)":
        "이 코드나 접두어는 뺌(설정의 ignore에 더함)",
    "end with a one-line summary (files, errors, warnings, per code)":
        "끝에 한 줄 요약(파일, 오류, 경고, 코드별 건수)",
    "list the rule codes, or explain one": "규칙 코드 목록, 또는 한 규칙의 설명",
    "The rule codes fundparse check reports: FP1xx funding splits, FP2xx periods, FP3xx "
    "document consistency, FP4xx number formatting.":
        "fundparse check가 알리는 규칙 코드: FP1xx 재원, FP2xx 사업 기간, FP3xx 문서 일관성, "
        "FP4xx 숫자 표기.",
    "examples:\n  fundparse rules\n  fundparse rules FP101\n  fundparse rules FP1":
        "예:\n  fundparse rules\n  fundparse rules FP101\n  fundparse rules FP1",
    "a code (FP101) or prefix (FP1)": "코드(FP101)나 접두어(FP1)",
    "language of the summaries (default: config 'lang', else ko)":
        "설명의 언어(기본값: 설정의 lang, 없으면 ko)",
    "KRW per unit of a foreign currency, e.g. USD=1380.5 (repeatable)":
        "외화 1단위의 원화 환율, 예: USD=1380.5 (여러 번 가능)",
    "dated rates (date,currency,rate): each document uses the rates in force on its date; "
    "--rate overrides":
        "날짜별 환율 CSV(date,currency,rate): 문서마다 그 날짜의 환율을 씀. --rate가 우선",
    "colour: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR is), always, never":
        "색: auto(터미널에서만, NO_COLOR가 있으면 끄고 FORCE_COLOR가 있으면 켬), always, never",
    "like --color never": "--color never와 같음",
    "Render each document as a self-contained HTML review page: every amount highlighted with "
    "its meaning, funding parts, periods and findings.":
        "문서마다 하나로 완결된 HTML 검토 페이지를 만듭니다: 모든 금액을 그 뜻, 재원, 기간, "
        "검사 결과와 함께 강조합니다.",
    "examples:\n  fundparse report release.hwpx -o review/\n  fundparse report drafts/ -o "
    "review/ --open   # one page each + index.html\n  open review/release.html#all to see "
    "every tooltip at once (also in print)":
        "예:\n  fundparse report release.hwpx -o review/\n  fundparse report drafts/ -o review/ "
        "--open   # 파일마다 한 페이지와 index.html\n  review/release.html#all 을 열면 모든 "
        "설명이 한꺼번에 보입니다(인쇄에서도)",
    "folder for the pages (default: ./fundparse-report)":
        "페이지를 쓸 폴더(기본값: ./fundparse-report)",
    "open the page (or index) in a browser": "페이지(또는 목록)를 브라우저로 엶",
    "Score fundparse against gold files (JSON lines in the contract's gold format): precision, "
    "recall and F1 for amounts, splits and periods.":
        "정답 파일(계약서의 정답 형식 JSON lines)로 fundparse를 채점합니다: 금액·재원·기간의 "
        "정밀도, 재현율, F1.",
    "gold .jsonl files, or folders of them (searched recursively)":
        "정답 .jsonl 파일, 또는 그 폴더(하위 폴더까지)",
    "text: tables (default); json: one JSON object": "text: 표(기본값), json: JSON 객체 하나",
    "like --format json": "--format json과 같음",
    "language of the tables and messages (default: ko)": "표와 메시지의 언어(기본값: ko)",
    "check the gold files are well-formed; do not run the engine":
        "정답 파일의 형식만 검사하고 엔진은 돌리지 않음",
    'JSON like {"amounts": 0.95, "splits": 0.9, "periods": 0.9}: exit 1 when an F1 is below '
    "its floor":
        '{"amounts": 0.95, "splits": 0.9, "periods": 0.9} 같은 JSON: F1이 하한보다 낮으면 '
        "종료 코드 1",
    "show this help message and exit": "이 도움말을 보이고 끝냄",
    "show program's version number and exit": "프로그램 버전을 보이고 끝냄",
    "score extraction against gold JSONL files (precision/recall/F1)":
        "정답 JSONL 파일로 추출을 채점(정밀도/재현율/F1)",
    "write an HTML report page of the extracted amounts": "뽑은 금액의 HTML 검토 페이지를 씀",
    "an HTTP service: /v1/extract, /v1/check, Duckling's /parse":
        "HTTP 서비스: /v1/extract, /v1/check, Duckling의 /parse",
}

# argparse's own words in Korean help
HELP_WORDS_KO = {"usage: ": "사용법: ", "options": "옵션", "positional arguments": "인자",
                 "commands": "명령"}
