#!/usr/bin/env python3
"""Learn models/stance.json, the weights `parallax check` decides stances with.

Usage (from the repository root, with ../shared beside it and a release build):
  python3 scripts/train_stance.py [--out models/stance.json] [--cv-only] [--no-words]
                                  [--words-min-claims N] [--words-l2 X] [--no-cv-by-body]

What it does, python standard library only:
1. converts Emergent (`../shared/eval/emergent_convert.py`) into out/emergent/ and runs
   `parallax check --with-features` on it and on ../shared/data/arc-dev, so the features are
   exactly those the program computes;
2. folds by claim: Emergent's folds.json, and for ARC the same rule (crc32 of the claim id
   mod 5), so no claim is in two folds;
3. learns, by L2-regularised logistic regression (AdaGrad stochastic gradient descent, fixed seed,
   features scaled by their standard deviation): a relatedness model (related vs unrelated)
   over the similarity and structure features, and a stance model (agree / disagree /
   discuss, softmax) over the features of the pair itself, one for articles of at most 40 words
   (classes weighted a quarter of the way to balance) and one for longer ones (classes balanced
   fully: on ARC's comments the cues tell the classes apart little, and a balanced model gives
   the better macro F1 under cross-validation); then, on top of the long model's scores (held
   fixed), a weight per stance for each word of the article's bag (its distinct lower-case words
   among the first 50, and `?` / `!`, as `check --with-features` prints them), for the words
   found in the related long articles of at least WORDS_MIN_CLAIMS claims of the training folds
   (so that few words of a single debate's matter are kept), with a strong L2 penalty (WORDS_L2);
4. cross-validates by claim fold (train on four folds of both sets, predict the fifth), writes
   the predictions to out/emergent/pred-cv.jsonl and out/arc-dev-cv.jsonl and scores them with
   ../shared/eval/stance_score.py: the figure learning is validated by, pessimistic for ARC's
   held-out test, whose claims are all arc-dev's claims;
5. cross-validates again with arc-dev folded by article body (crc32 of the article id mod 5;
   Emergent keeps its folds), so a comment is never in training and test but its claim recurs
   across folds, as in ARC's held-out test (split by pair: new comments on the same claims);
   predictions in out/arc-dev-cv-by-body.jsonl and out/emergent/pred-cv-by-body.jsonl;
6. trains on every fold and writes the weights (scaled back to raw feature values; the word
   weights as `stance_long_words`, word -> [agree, disagree, discuss]) with the figures of both
   cross-validations and the trained model's in-sample ones (to see how much it overfits; its
   predictions are written beside the CV ones, `-in-sample` added to the name) into
   models/stance.json. After a release build with the new file, `parallax check`'s stance for
   every (claim, article) of both sets must equal those in-sample predictions (compare the
   `stance` of each pair; the file holds the weights the script predicted with, rounded to
   1e-6, so a near tie could differ).
Nothing is keyed to a claim or an article: the features are the same for any text.
"""
import argparse
import json
import math
import random
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BINARY = ROOT / "target" / "release" / "parallax"
CLASSES = ["agree", "disagree", "discuss"]
FOLDS = 5
EPOCHS = 40
L2 = 1e-3
RATE = 0.05
SEED = 1
# Class weights: 1 balances agree / disagree / discuss fully, 0 not at all.
BALANCE = 0.25
# The same for the stance model of long articles (comments, stories).
BALANCE_LONG = 1.0
REL_ONLY_WITH_UNRELATED = False
# The long model's bag of words: a word is weighed when the related long
# articles of this many claims hold it; its L2 penalty.
WORDS_MIN_CLAIMS = 10
WORDS_L2 = 1.0
# Relatedness weighs only features that say how related the texts are, and
# the length of the article: cue words say nothing about relatedness.
RELATEDNESS_FEATURES = ["bias", "sim_best", "sim_second", "sim_body", "sim_rel", "coverage",
                        "coverage_focus", "long", "short", "claim_margin", "claim_best",
                        "sim_feedback", "sim_feedback_rel", "coverage_short", "sim_best_short",
                        "sim_neighbours", "sim_neighbours_rel", "claim_margin_neighbours",
                        "claim_best_neighbours"]


def run_check(claims, articles, out):
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([str(BINARY), "check", "--with-features", "--claims", str(claims), str(articles)],
                       stdout=f, check=True)
    return [json.loads(line) for line in open(out, encoding="utf-8")]


def load_gold(path):
    gold = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            o = json.loads(line)
            gold[(o["claim"], o["article"])] = o["stance"]
    return gold


def datasets():
    out = ROOT / "out"
    emergent = out / "emergent"
    subprocess.run([sys.executable, str(SHARED / "eval/emergent_convert.py"),
                    str(SHARED / "data/emergent/claims.csv"), str(emergent)], check=True, stdout=subprocess.DEVNULL)
    folds = json.loads((emergent / "folds.json").read_text())
    sets = []
    lines = run_check(emergent / "claims.jsonl", emergent / "articles.jsonl", emergent / "features.jsonl")
    by_claim = lambda claim, article: folds[claim]
    sets.append(("emergent", lines, load_gold(emergent / "gold.jsonl"), (by_claim, by_claim), emergent / "gold.jsonl",
                 emergent / "pred-cv.jsonl"))
    arc = SHARED / "data/arc-dev"
    lines = run_check(arc / "claims.jsonl", arc / "articles.jsonl", out / "arc-dev-features.jsonl")
    # Folds by claim, and by article body (ARC's held-out test is split by pair).
    sets.append(("arc-dev", lines, load_gold(arc / "gold.jsonl"),
                 (lambda claim, article: zlib.crc32(claim.encode()) % FOLDS,
                  lambda claim, article: zlib.crc32(article.encode()) % FOLDS),
                 arc / "gold.jsonl", out / "arc-dev-cv.jsonl"))
    examples = []
    for name, lines, gold, (claim_fold, body_fold), _, _ in sets:
        for line in lines:
            key = (line["claim"], line["article"])
            if key in gold:
                examples.append({"set": name, "key": key, "fold": claim_fold(*key), "body_fold": body_fold(*key),
                                 "x": line["features"], "words": line.get("words", []), "y": gold[key]})
    return sets, examples


def scales(rows, names=None):
    """Standard deviation of each feature over rows (1 when constant); bias keeps 1."""
    count, total, squares = len(rows), {}, {}
    for x in rows:
        for k, v in x.items():
            if names is None or k in names:
                total[k] = total.get(k, 0.0) + v
                squares[k] = squares.get(k, 0.0) + v * v
    out = {}
    for k in total:
        mean = total[k] / count
        var = squares[k] / count - mean * mean
        out[k] = math.sqrt(var) if var > 1e-12 and k != "bias" else 1.0
    return out


def train_softmax(rows, labels, classes, names=None, balance=0.0):
    """Multinomial logistic regression by SGD; gives raw-scale weights per class."""
    scale = scales(rows, names)
    data = [{k: v / scale[k] for k, v in x.items() if k in scale} for x in rows]
    counts = {c: labels.count(c) for c in classes}
    weight_of = {c: ((len(labels) / (len(classes) * counts[c])) ** balance if counts[c] else 1.0) for c in classes}
    w = {c: {} for c in classes}
    squares = {c: {} for c in classes}
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            x, y = data[i], labels[i]
            scores = [sum(w[c].get(k, 0.0) * v for k, v in x.items()) for c in classes]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            for c, e in zip(classes, exps):
                g = (e / z - (1.0 if c == y else 0.0)) * weight_of[y]
                wc, sc = w[c], squares[c]
                for k, v in x.items():
                    grad = g * v + L2 * wc.get(k, 0.0)
                    sc[k] = sc.get(k, 0.0) + grad * grad
                    wc[k] = wc.get(k, 0.0) - RATE * grad / math.sqrt(sc[k] + 1e-8)
    return {c: {k: v / scale[k] for k, v in w[c].items() if abs(v) > 1e-9} for c in classes}


def softmax_predict(w, x, classes):
    scores = [sum(w[c].get(k, 0.0) * v for k, v in x.items()) for c in classes]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    z = sum(exps)
    return [e / z for e in exps]


# The stance of a pair depends on the pair alone, not on the other articles
# or claims of the run: these features only say how related it is.
CONTEXT_FEATURES = {"sim_rel", "claim_margin", "claim_best", "claim_alone", "sim_feedback", "sim_feedback_rel",
                    "sim_neighbours", "sim_neighbours_rel", "claim_margin_neighbours", "claim_best_neighbours"}

# Tone and a comment's opening words are for readers' comments (ARC): in a
# headline they moved Emergent's cross-validated accuracy down, so the short
# stance model leaves them out.
LONG_ONLY_FEATURES = {"claim_polarity", "tone_body", "tone_x_claim_polarity", "opening_against"}


def train(examples):
    """The three models from the examples (relatedness as a two-class softmax)."""
    # Relatedness is learned only where the gold has unrelated pairs: a set
    # without them (Emergent) would teach that anything is related.
    with_unrelated = {e["set"] for e in examples if e["y"] == "unrelated"}
    rel_examples = [e for e in examples if e["set"] in with_unrelated or not REL_ONLY_WITH_UNRELATED]
    rel_rows = [e["x"] for e in rel_examples]
    rel_labels = ["related" if e["y"] != "unrelated" else "unrelated" for e in rel_examples]
    rel = train_softmax(rel_rows, rel_labels, ["related", "unrelated"], set(RELATEDNESS_FEATURES))
    # The logistic weight vector is the difference of the two class vectors.
    keys = set(rel["related"]) | set(rel["unrelated"])
    relatedness = {k: rel["related"].get(k, 0.0) - rel["unrelated"].get(k, 0.0) for k in keys}
    models = {"relatedness": relatedness}
    for regime, short in (("stance_short", True), ("stance_long", False)):
        part = [e for e in examples if e["y"] != "unrelated" and bool(e["x"].get("short", 0.0)) == short]
        left_out = CONTEXT_FEATURES | (LONG_ONLY_FEATURES if short else set())
        rows = [{k: v for k, v in e["x"].items() if k not in left_out} for e in part]
        balance = BALANCE if short else BALANCE_LONG
        models[regime] = train_softmax(rows, [e["y"] for e in part], CLASSES, balance=balance)
        if not short:
            models["stance_long_words"] = train_words(part, models[regime])
    return models


def train_words(part, base):
    """Per-stance weights of the bag's words, added to the base model's scores (held fixed):
    softmax by SGD over 0/1 word features, classes balanced as the long model, L2 WORDS_L2."""
    claims_of = {}
    for e in part:
        for word in e["words"]:
            claims_of.setdefault(word, set()).add((e["set"], e["key"][0]))
    vocabulary = {word for word, claims in claims_of.items() if len(claims) >= WORDS_MIN_CLAIMS}
    labels = [e["y"] for e in part]
    counts = {c: labels.count(c) for c in CLASSES}
    weight_of = {c: ((len(labels) / (len(CLASSES) * counts[c])) ** BALANCE_LONG if counts[c] else 1.0)
                 for c in CLASSES}
    data = [(sorted(w for w in e["words"] if w in vocabulary),
             [sum(base[c].get(k, 0.0) * v for k, v in e["x"].items()) for c in CLASSES], e["y"]) for e in part]
    w = {word: [0.0] * len(CLASSES) for word in sorted(vocabulary)}
    squares = {word: [0.0] * len(CLASSES) for word in w}
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            words, offsets, y = data[i]
            scores = [offsets[j] + sum(w[word][j] for word in words) for j in range(len(CLASSES))]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            for j, (c, e) in enumerate(zip(CLASSES, exps)):
                g = (e / z - (1.0 if c == y else 0.0)) * weight_of[y]
                for word in words:
                    grad = g + WORDS_L2 * w[word][j]
                    squares[word][j] += grad * grad
                    w[word][j] -= RATE * grad / math.sqrt(squares[word][j] + 1e-8)
    return w


def word_scores(models, words):
    table = models.get("stance_long_words", {})
    return [sum(table[word][j] for word in words if word in table) for j in range(len(CLASSES))]


def predict(models, x, words):
    # The hand-set rules of src/check/mod.rs: a sentence aligned with the claim at claim level makes
    # the article related; no shared content word and little feedback similarity, unrelated.
    if x.get("sim_best", 0.0) >= 0.5:
        related = 1.0
    elif x.get("coverage", 0.0) == 0.0 and x.get("sim_feedback", 0.0) < 0.05:
        return "unrelated"
    else:
        related = 1 / (1 + math.exp(-sum(models["relatedness"].get(k, 0.0) * v for k, v in x.items())))
    if related < 0.5:
        return "unrelated"
    regime = "stance_short" if x.get("short", 0.0) else "stance_long"
    scores = [sum(models[regime][c].get(k, 0.0) * v for k, v in x.items()) for c in CLASSES]
    if regime == "stance_long":
        scores = [s + b for s, b in zip(scores, word_scores(models, words))]
    return CLASSES[max(range(3), key=lambda i: (scores[i], -i))]


def score(gold_path, pred_path):
    result = subprocess.run([sys.executable, str(SHARED / "eval/stance_score.py"), str(gold_path), str(pred_path),
                             "--json"], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def cross_validate(sets, examples, fold_key="fold", suffix=""):
    """Trains on four folds (`fold` by claim, or `body_fold`), predicts the fifth; scores."""
    predictions = {}
    for fold in range(FOLDS):
        models = train([e for e in examples if e[fold_key] != fold])
        for e in examples:
            if e[fold_key] == fold:
                predictions[(e["set"], e["key"])] = predict(models, e["x"], e["words"])
        print(f"{fold_key} {fold} done", file=sys.stderr)
    return figures_of(sets, predictions, suffix)


def figures_of(sets, predictions, suffix=""):
    """Writes the predictions of each set (its CV file, or that name with suffix) and scores them."""
    figures = {}
    for name, lines, _, _, gold_path, pred_path in sets:
        if suffix:
            pred_path = pred_path.with_name(pred_path.stem + suffix + pred_path.suffix)
        with open(pred_path, "w", encoding="utf-8") as f:
            for line in lines:
                stance = predictions.get((name, (line["claim"], line["article"])), "unrelated")
                f.write(json.dumps({"claim": line["claim"], "article": line["article"], "stance": stance}) + "\n")
        res = score(gold_path, pred_path)
        figures[name] = {k: round(res[k], 3) for k in ("accuracy", "macro_f1", "fnc_score") if k in res}
        figures[name]["f1"] = {c: round(m["f1"], 3) for c, m in res["per_class"].items() if m["gold"]}
        print(name + suffix, json.dumps(figures[name]))
    return figures


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "models/stance.json"))
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--balance", type=float, default=BALANCE)
    ap.add_argument("--balance-long", type=float, default=BALANCE_LONG)
    ap.add_argument("--words-min-claims", type=int, default=WORDS_MIN_CLAIMS)
    ap.add_argument("--words-l2", type=float, default=WORDS_L2)
    ap.add_argument("--no-words", action="store_true", help="leave the bag of words out")
    ap.add_argument("--no-cv-by-body", action="store_true",
                    help="cross-validate by claim only (to try settings faster; not for the shipped file)")
    ap.add_argument("--rel-unrelated-sets-only", action="store_true",
                    help="learn relatedness only from sets whose gold has unrelated pairs")
    args = ap.parse_args()
    globals()["BALANCE"] = args.balance
    globals()["BALANCE_LONG"] = args.balance_long
    globals()["REL_ONLY_WITH_UNRELATED"] = args.rel_unrelated_sets_only
    globals()["WORDS_MIN_CLAIMS"] = args.words_min_claims
    globals()["WORDS_L2"] = args.words_l2
    sets, examples = datasets()
    if args.no_words:
        for e in examples:
            e["words"] = []
    figures = cross_validate(sets, examples)
    by_body = None if args.no_cv_by_body else cross_validate(sets, examples, "body_fold", "-by-body")
    if args.cv_only:
        return 0
    if by_body is None:
        ap.error("the model file needs both cross-validations: leave out --no-cv-by-body")
    models = train(examples)
    # In-sample figures of the shipped model, to compare with the cross-validated ones (overfitting).
    in_sample = figures_of(sets, {(e["set"], e["key"]): predict(models, e["x"], e["words"]) for e in examples},
                           "-in-sample")
    rounded = lambda w: {k: round(v, 6) for k, v in sorted(w.items()) if abs(v) >= 1e-6}
    doc = {
        "about": "Weights of parallax check's stance models: logistic relatedness, softmax stance per article "
                 "length (short = one or two sentences), over the features named as in src/check/features.rs.",
        "made_by": "python3 scripts/train_stance.py (Emergent via ../shared/eval/emergent_convert.py and "
                   "../shared/data/arc-dev; dev data only)",
        "training": {"epochs": EPOCHS, "l2": L2, "seed": SEED, "folds": FOLDS,
                     "balance_short": BALANCE, "balance_long": BALANCE_LONG,
                     "words": {"first_words": 50, "min_claims": WORDS_MIN_CLAIMS, "l2": WORDS_L2,
                               "vocabulary": len(models["stance_long_words"])},
                     "pairs": {name: sum(1 for e in examples if e["set"] == name) for name, *_ in sets}},
        "cross_validation_about": "by_claim: arc-dev folded by claim (crc32 of the claim id mod 5), the "
                                  "figure learning is validated by, pessimistic for ARC's held-out test "
                                  "(split by pair: new comments on arc-dev's claims); by_body: arc-dev "
                                  "folded by article body (crc32 of the article id mod 5), claims recurring "
                                  "across folds as in that test; Emergent keeps its folds.json in both",
        "cross_validation_by_claim": figures,
        "cross_validation_by_body": by_body,
        "in_sample": in_sample,
        "relatedness": rounded(models["relatedness"]),
        "stance_short": {c: rounded(models["stance_short"][c]) for c in CLASSES},
        "stance_long": {c: rounded(models["stance_long"][c]) for c in CLASSES},
        "stance_long_words_about": "per word of the bag (src/check/features.rs, bag_of_words): its weight for "
                                   "agree, disagree, discuss, added to stance_long's scores",
        "stance_long_words": {word: [round(v, 6) for v in weights]
                              for word, weights in sorted(models["stance_long_words"].items())
                              if any(abs(v) >= 1e-6 for v in weights)},
    }
    Path(args.out).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
