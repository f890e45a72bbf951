"""Which mentions ``fundparse extract`` shows, and in what order: ``--min-krw``,
``--category``, ``--label``, ``--has-splits`` and ``--sort``, applied to ``(file, Mention)``
pairs before any output format.

    >>> import fundparse
    >>> from fundparse.report.select import Selection
    >>> text = "총사업비 281억 원(국비 121, 지방비 160). 운영비 5억 원."
    >>> pairs = [("a.txt", m) for m in fundparse.extract(text)]
    >>> [m.text for _, m in Selection(min_krw=1_000_000_000).apply(pairs)]
    ['281억 원']

Filters (all given must hold):

* ``min_krw``: the mention's KRW is at least this (a mention without KRW — a foreign amount
  with no rate — is left out);
* ``categories``: one of its funding parts, at any depth, is of one of these categories (a
  compound such as ``national+provincial`` counts for each), or its label is a funding source
  of one (국비 50억 원 standing alone; ``category_of`` maps a label to its category, default
  the package's source table);
* ``labels``: its label contains one of these (spaces ignored);
* ``has_splits``: True keeps mentions with funding parts, False those without.

Orders (``sort``): ``None`` or ``"position"`` keeps each file's mentions in text order and the
files in the order given; ``"file"`` orders by file path, then position; ``"krw"`` puts the
largest KRW first (mentions without KRW last), ties in file and text order.  Sorting by
``krw`` or ``file`` needs the whole run; filtering alone works a document at a time
(:meth:`Selection.keeps`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from fundparse.model import CATEGORIES, Mention, Split

__all__ = ["Selection", "SORTS", "SelectionError"]

SORTS = ("krw", "position", "file")


class SelectionError(ValueError):
    """A selection that cannot be applied (an unknown sort or category, an amount that does
    not read); its message is one line for the user."""


def _parts(splits: Iterable[Split]) -> Iterable[Split]:
    for split in splits:
        yield split
        yield from _parts(split.splits)


def _squeeze(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True)
class Selection:
    """Filters and an order; an empty ``Selection()`` keeps everything as it came."""

    sort: str | None = None
    min_krw: int | None = None
    categories: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    has_splits: bool | None = None
    category_of: Callable[[str], str | None] | None = None

    def __post_init__(self) -> None:
        if self.sort not in (None, *SORTS):
            raise SelectionError(f"--sort takes one of {', '.join(SORTS)}, not {self.sort!r}")
        unknown = [c for c in self.categories if c not in CATEGORIES]
        if unknown:
            raise SelectionError(f"--category: unknown category {unknown[0]!r} "
                                 f"(one of {', '.join(CATEGORIES)})")

    def _label_category(self, label: str) -> str | None:
        category_of = self.category_of
        if category_of is None:
            from fundparse.rules.tables import load_tables

            category_of = load_tables().category
            object.__setattr__(self, "category_of", category_of)
        return category_of(label)

    def keeps(self, mention: Mention) -> bool:
        """Whether the filters keep this mention."""
        if self.min_krw is not None and (mention.krw is None or mention.krw < self.min_krw):
            return False
        if self.has_splits is not None and bool(mention.splits) != self.has_splits:
            return False
        if self.labels:
            label = _squeeze(mention.label or "")
            if not any(_squeeze(wanted) in label for wanted in self.labels):
                return False
        if self.categories:
            wanted = set(self.categories)
            found = {c for part in _parts(mention.splits) for c in part.category.split("+")}
            if not found & wanted:
                own = (self._label_category(mention.label) if mention.label and not mention.splits
                       else None)
                if not own or not set(own.split("+")) & wanted:
                    return False
        return True

    def apply(self, pairs: Iterable[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
        """The kept ``(file, mention)`` pairs in the chosen order."""
        kept = [(i, path, m) for i, (path, m) in enumerate(pairs) if self.keeps(m)]
        if self.sort == "file":
            kept.sort(key=lambda item: (item[1], item[2].start, item[0]))
        elif self.sort == "krw":
            kept.sort(key=lambda item: (item[2].krw is None, -(item[2].krw or 0), item[0]))
        elif self.sort == "position":
            files: dict[str, int] = {}
            for _, path, _m in kept:
                files.setdefault(path, len(files))
            kept.sort(key=lambda item: (files[item[1]], item[2].start, item[0]))
        return [(path, m) for _, path, m in kept]

    def streams(self) -> bool:
        """Whether the selection can be applied a document at a time (no sort across files)."""
        return self.sort in (None, "position")
