#!/usr/bin/env python3
"""Derive lexicons/framing_wordnet.txt: evaluative adjectives and adverbs from WordNet 3.0.

Usage: python3 scripts/derive_evaluative.py [WORDNET_DICT_DIR] > lexicons/framing_wordnet.txt

WORDNET_DICT_DIR defaults to /usr/share/wordnet (Debian package `wordnet-base`).

How: a short list of strongly evaluative adjectives written by us (SEEDS: words that judge
a person, an idea or an act, such as "absurd", "cruel", "dishonest") names, through each
seed's most frequent adjective sense, a synset of WordNet: a head synset comes with the
satellites "similar to" it, a satellite alone. Every single-word lemma of those clusters is kept when its own
most frequent adjective sense lies in a kept cluster (so "sound" is not kept for the
"unsound" cluster, being mostly about noise), and so is every adverb whose most frequent
sense is derived from a kept adjective sense ("foolishly" from "foolish"). Words of the
other framing lists and of STOP (ordinary words of news whose evaluative sense is rare)
are left out. Only standard library; the output is sorted and stable.
"""
from __future__ import annotations

import sys
from pathlib import Path

# Evaluative heads, written by us: judgement of competence, honesty, morality, sense,
# danger and temper, in the outlet's own voice.
SEEDS = """
absurd ridiculous ludicrous preposterous silly foolish stupid idiotic senseless
crazy insane mad irrational hysterical
dishonest deceitful false fraudulent corrupt crooked devious sneaky
cruel brutal vicious savage heartless ruthless callous merciless
evil wicked sinister vile despicable contemptible shameful disgraceful
outrageous scandalous offensive obscene vulgar
incompetent inept clumsy bungling feeble weak pathetic
arrogant pompous smug condescending haughty
hostile aggressive belligerent combative militant
hateful bigoted intolerant prejudiced
dangerous reckless harmful destructive disastrous catastrophic
terrible awful horrible dreadful atrocious abysmal appalling
greedy selfish cowardly hypocritical
chaotic unruly erratic
radical extreme fanatical
ugly nasty mean petty
lazy ignorant naive gullible
angry furious
wasteful extravagant
unfair unjust
immoral unethical
useless worthless futile
bogus phony
unreasonable malicious spiteful vindictive sleazy sordid insulting demeaning
unscrupulous treacherous disloyal sadistic perverse resentful jealous envious vain
""".split()

# Ordinary news words of the clusters above whose usual sense in news does not judge.
STOP = set("""
false wrong bad poor low high hard heavy strong weak light tender
mad angry cross sick ill sore dark cold hot warm cool rough raw
free open closed close clean fresh simple plain common general public
big large small little great major minor
real true sure certain clear full whole total complete
unfortunate sorry
serious grave grim
lame tall low-level
opponent opposing average mean passing super chicken winding fell wasted wide-eyed
utmost uttermost contentious bruising junior-grade lower-ranking subaltern ultra poorly
densely palely wanly balmily twisting twisty squiggly zigzag zig-zag writhed writhen
windblown aquiline akimbo askew awry geniculate knobbed flint granitic indurate reflexed
malposed skew-whiff anfractuous hooked head-on high-pressure breakneck lopsidedly stonily
unpicturesque unusable unuseable uneconomical quicksilver rough-cut round-eyed dewy-eyed
naif provoked simple-minded risky chancy dicey touch-and-go stabbing smoldering smouldering
ravaging extreme extraordinary remarkable remarkably extremist
swollen humbling counterintuitive counterintuitively beady-eyed leering
""".split())

OTHER_LISTS = [
    "framing_neutral.txt",
    "framing_report_verbs.txt",
    "framing_hedges.txt",
    "framing_intensifiers.txt",
    "framing_loaded.txt",
]


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> synset offsets, most frequent sense first."""
    senses = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, n_synsets, n_pointers = fields[0], int(fields[2]), int(fields[3])
        offsets_start = 4 + n_pointers + 2
        senses[lemma] = fields[offsets_start : offsets_start + n_synsets]
    return senses


def read_data(path: Path) -> dict[str, tuple[str, list[str], list[tuple[str, str, str]]]]:
    """offset -> (synset type, lemmas, pointers (symbol, target offset, target pos))."""
    synsets = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        offset, ss_type = fields[0], fields[2]
        n_words = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i].split("(")[0].lower() for i in range(n_words)]
        at = 4 + 2 * n_words
        n_pointers = int(fields[at])
        pointers = [
            (fields[at + 1 + 4 * i], fields[at + 2 + 4 * i], fields[at + 3 + 4 * i])
            for i in range(n_pointers)
        ]
        synsets[offset] = (ss_type, lemmas, pointers)
    return synsets


def cluster(adjectives, offset: str) -> set[str]:
    """A head synset with its satellites; a satellite alone (its head may be broad:
    "ludicrous" hangs under "humorous", "arrogant" under "proud")."""
    ss_type, _, pointers = adjectives[offset]
    if ss_type == "s":
        return {offset}
    return {offset} | {target for symbol, target, pos in pointers if symbol == "&"}


def listed_elsewhere(lexicon_dir: Path) -> set[str]:
    words = set()
    for name in OTHER_LISTS:
        for line in (lexicon_dir / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.rstrip("*").lower())
    return words


def is_plain_word(lemma: str) -> bool:
    return lemma.replace("-", "").isalpha() and "_" not in lemma and len(lemma) > 2


def derive(dict_dir: Path, lexicon_dir: Path) -> tuple[list[str], list[str]]:
    adj_index = read_index(dict_dir / "index.adj")
    adv_index = read_index(dict_dir / "index.adv")
    adjectives = read_data(dict_dir / "data.adj")
    adverbs = read_data(dict_dir / "data.adv")
    kept_synsets = set()
    for seed in SEEDS:
        if seed in adj_index:
            kept_synsets |= cluster(adjectives, adj_index[seed][0])
    skip = STOP | listed_elsewhere(lexicon_dir)
    kept_adjectives = sorted(
        lemma
        for offset in kept_synsets
        for lemma in adjectives[offset][1]
        if is_plain_word(lemma)
        and lemma not in skip
        and adj_index.get(lemma, [""])[0] in kept_synsets
    )
    kept_adverbs = []
    for lemma, offsets in adv_index.items():
        if not is_plain_word(lemma) or lemma in skip:
            continue
        _, _, pointers = adverbs[offsets[0]]
        if any(s == "\\" and pos == "a" and t in kept_synsets for s, t, pos in pointers):
            kept_adverbs.append(lemma)
    adjective_set = set(kept_adjectives)
    return sorted(adjective_set), sorted(a for a in kept_adverbs if a not in adjective_set)


HEADER = """\
# Evaluative adjectives and adverbs derived from WordNet 3.0 by
# scripts/derive_evaluative.py (see there how): the clusters of a short list of
# evaluative heads written by us ("absurd", "cruel", "dishonest", ...), each
# word kept only where its most frequent sense is the evaluative one.
# Regenerate: python3 scripts/derive_evaluative.py > lexicons/framing_wordnet.txt
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database
# and its documentation for any purpose and without fee or royalty is hereby
# granted, provided that you agree to comply with the following copyright
# notice and statements, including the disclaimer, and that the same appear on
# ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
# THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or
# database. Title to copyright in this software, database and any associated
# documentation shall at all times remain with Princeton University and
# LICENSEE agrees to preserve same.
#
# Format: as the other framing lists; one word a line."""


def main() -> None:
    dict_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet")
    lexicon_dir = Path(__file__).resolve().parent.parent / "lexicons"
    adjectives, adverbs = derive(dict_dir, lexicon_dir)
    print(HEADER)
    print("#\n# adjectives")
    print("\n".join(adjectives))
    print("# adverbs")
    print("\n".join(adverbs))


if __name__ == "__main__":
    main()
