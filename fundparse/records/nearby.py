"""Across sentences (records round thirteen): the project of a funded total whose own sentence
names none, taken from a sentence near it that the amount's sentence is tied to — and the place
named for that project there.

A sentence is tied to the one before when it opens with a word that goes on from it (이에 따라,
이어: ``tie_words``), refers back (이 사업, 이번 리모델링, 해당 시설: ``refer_words`` before any
word; 사업비는 …: ``refer_starts``), or leaves its subject out ("2028년까지 154억원을 투입해
…"). The candidates are ranked by distance: the sentence before in the paragraph, then the
passage's first sentence (a headline or a lead), then the sentence after; the first of them
that names exactly one project gives it. A sentence that counts or lists several (N곳, 등 N개
사업, …사업과 …사업) gives none, and an amount's sentence that counts several is not tied.
"""

from __future__ import annotations

from fundparse.records.shared import PARAGRAPH, Found, Reader

_MARKS = " \t\n\u3000□■○●◦•▲△▷▶※-–—"


class NearbyFinder(Reader):
    def _tied(self, s_start: int, at: int, s_end: int) -> bool:
        """The sentence ``text[s_start:s_end]`` holding an amount at ``at`` is tied to the one
        before: a tie word opening it, a refer-back in it, or no subject before the amount."""
        cfg = self.w.project
        i = s_start
        while i < at and self.text[i] in _MARKS:
            i += 1
        if self.text.startswith(tuple(cfg["tie_words"]), i):
            return True
        if self.w.refer_back.search(self.text, s_start, s_end) is not None:
            return True
        if self.w.refer_topic.search(self.text, s_start, s_end) is not None:
            return True
        if self.w.forms.nearby_refer.search(self.text, s_start, at) is not None:
            return True  # "이번 리모델링은", "이 곳에는": a refer word before any word
        if cfg["tie_no_subject"]:
            marks = tuple(self.w.forms.subject_marks)
            for w in self._words(s_start, at):
                if (len(w.text) >= 2 and w.text.endswith(marks) and not w.closed
                        and w.text[:-1] not in self.stop):
                    if (w.text.endswith(tuple(cfg.get("tie_body_particles", ())))
                            and self._body_subject(w.text[:-1], s_start)):
                        continue  # "군은 …": a body doing it, not another thing it is about
                    return False
            return True
        return False

    def _body_subject(self, core: str, s_start: int) -> bool:
        """A subject that stands for the body named before ("군은", "시는") or repeats the
        subject that opens the sentence before ("포항북부경찰서는 … 착공에 돌입했다.
        포항북부경찰서는 289억원을 들여 …"): the same body goes on with the same works
        ([project] tie_body_particles: the topic particles it is written with)."""
        if core in self.bare_names:
            return True
        k = s_start
        while k > 0 and self.text[k - 1].isspace():
            k -= 1
        if k == 0 or not core.endswith(self.agency_heads) or self._no_body(core):
            return False
        lo = self._sentence(k - 1)[0]
        first = self.text[lo:k].split()[:1]
        return bool(first) and first[0][:-1] == core

    def _single(self, lo: int, hi: int) -> tuple[Found | None, list[Found], bool]:
        """The one project ``text[lo:hi]`` names (a topic, a subject, a quoted name, what is
        done, in that order), the places it names, and whether it names several (then none)."""
        regions, found = self._found(lo, hi)
        if self.w.bundle.search(self.text, lo, hi) is not None:
            return None, regions, True
        bodies = self._named(lo, hi)
        names = [f for f in found
                 if not (f.place or f.role or self._bare_head(f) or self._contest(f)
                         or self._umbrella(f) or (not f.quoted and self._kind(f)))
                 and not any(b.start < f.end and f.start < b.end for b in bodies)]
        if not names:
            return None, regions, False
        for f in names:
            if self._several(f, names) or self._followed_by_several(f):
                return None, regions, True
        subject = tuple(self.w.forms.subject_marks)
        ranked = ([f for f in names if f.topic]
                  + [f for f in names if self.text.startswith(subject, f.end)]
                  + [f for f in names if f.quoted] + [f for f in names if f.told] + names)
        pick = ranked[0]
        if self._counted(pick):
            return None, regions, True
        return pick, regions, False

    def _nearby_sentences(self, s_start: int, s_end: int) -> list[tuple[int, int]]:
        """The sentences an amount's sentence may take its project from, nearest first: the one
        before in its paragraph, the passage's first, the one after in its paragraph."""
        out: list[tuple[int, int]] = []
        para = self._paragraph_start(s_start)
        k = s_start
        while k > 0 and self.text[k - 1].isspace():
            k -= 1
        if k > 0:
            before = self._sentence(k - 1)
            if before[0] < s_start and before[1] <= s_start and (
                    before[0] >= para or self.w.project["tie_paragraphs"]):
                out.append(before)
        j = len(self.text) - len(self.text.lstrip())
        if j < s_start and s_start - j <= int(self.w.project["refer_chars"]):
            first = self._sentence(j)
            if first[1] <= s_start and first not in out:
                out.append(first)
        if self.w.project["tie_after"] and s_end < len(self.text) and not PARAGRAPH.match(
                self.text, s_end):
            j = s_end
            while j < len(self.text) and self.text[j].isspace():
                j += 1
            if j < len(self.text):
                after = self._sentence(j)
                if after[0] >= s_end and after not in out:
                    out.append(after)
        return out

    def _tied_project(self, at: int, end: int, sentence: tuple[int, int]
                      ) -> tuple[Found, list[Found]] | None:
        """The project of the amount at [at, end) from a sentence near its own, and the places
        named there; None when its sentence is not tied, counts several, or no near sentence
        names exactly one project."""
        if not self.w.project["tie_back"]:
            return None
        s_start, s_end = sentence
        if (self.w.bundle.search(self.text, s_start, s_end) is not None
                or self.w.bundle_target.search(self.text, s_start, s_end) is not None):
            return None
        if not self._tied(s_start, at, s_end):
            return None
        for lo, hi in self._nearby_sentences(s_start, s_end):
            pick, regions, several = self._single(lo, hi)
            if several:
                return None
            if pick is not None:
                return pick, regions
        return None

    def _tied_region(self, project: Found, sentence: tuple[int, int]) -> list[Found]:
        """The place named for ``project`` in a sentence near the amount's (the same ranking
        as ``_tied_project``): where that sentence names the project again — by its whole
        name, or by its last word (a head of at least ``tie_region_chars`` characters) — the
        place phrase right before that naming ("서구 괴정동 한민시장 …", ``_place_of_name``), or
        a place it names tied to it by a relative verb ("…동 일원에 들어설 …센터",
        [patterns] place_for_name); [] when none is."""
        if not self.w.region["tie_region"]:
            return []
        name = self.text[project.start:project.end]
        last = name.split()[-1] if name.split() else ""
        keys = [name] + ([last] if last != name
                         and len(last) >= int(self.w.region["tie_region_chars"]) else [])
        spans = self._nearby_sentences(*sentence)
        own = self._sentence(project.start)
        if own != sentence and own not in spans:
            spans = [own] + spans
        for lo, hi in spans:
            regions = None
            for key in keys:
                k = self.text.find(key, lo, hi)
                while k >= 0:
                    named = self._place_of_name(k, lo)
                    if named is not None and not all(
                            u.endswith(self.body_ends) or self._district(u)
                            for u in self.text[named.start:named.end].split()):
                        # ("대전 유성구 구즉도서관": a body's or a district's own name alone
                        # places nothing)
                        return [named]
                    if regions is None:
                        regions = self._regions_in(lo, hi)
                    for r in regions:
                        if r.end <= k and self.w.forms.place_for_name.fullmatch(
                                self.text, r.end, k) is not None:
                            return [r]
                    k = self.text.find(key, k + len(key), hi)
        return []
