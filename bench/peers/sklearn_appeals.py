"""The scikit-learn peer of bench/appeals.ts: the same split, the same texts, timed in this process.

  quality  --labels L --train T --test X --ordinary R --texts P [--single N] --out O
      fits each model on T, returns its probabilities on X and on the ordinary appeals R (Node scores them with
      evaluatePredictions, so the metric code is the one the module uses), then times vectorize + predict_proba on P.
  train    --labels L --train T --out O
      times vectorize + fit of each model on T (the 60k training-time comparison).

Files are JSONL, one {"text": ..., "labels": [...]} a line. Threads are pinned to one by the caller (OMP/BLAS env).
"""
import argparse
import json
import platform
import sys
import time

import numpy
import scipy
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MultiLabelBinarizer

MAX_ITER = 1000


def models():
    """Name → (description, factory). Solver and C are scikit-learn's defaults; only max_iter is raised."""
    return {
        "sklearn TF-IDF w1-2+cwb3-5, OvR LR balanced": (
            f"FeatureUnion(TfidfVectorizer(word, (1,2), sublinear_tf), TfidfVectorizer(char_wb, (3,5), sublinear_tf)) "
            f"+ OneVsRestClassifier(LogisticRegression(class_weight='balanced', lbfgs, C=1, max_iter={MAX_ITER}))",
            lambda: Pipeline([
                ("features", FeatureUnion([
                    ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
                    ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
                ])),
                ("ovr", OneVsRestClassifier(LogisticRegression(class_weight="balanced", max_iter=MAX_ITER))),
            ]),
        ),
        "sklearn CountVectorizer + LR": (
            f"CountVectorizer() + OneVsRestClassifier(LogisticRegression(lbfgs, C=1, max_iter={MAX_ITER}))",
            lambda: Pipeline([
                ("features", CountVectorizer()),
                ("ovr", OneVsRestClassifier(LogisticRegression(max_iter=MAX_ITER))),
            ]),
        ),
    }


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fit(factory, rows, labels):
    binarizer = MultiLabelBinarizer(classes=labels)
    y = binarizer.fit_transform([row["labels"] for row in rows])
    model = factory()
    started = time.perf_counter()
    model.fit([row["text"] for row in rows], y)
    return model, time.perf_counter() - started


def features_of(model):
    return int(model.named_steps["ovr"].estimators_[0].coef_.shape[1]) if hasattr(model.named_steps["ovr"].estimators_[0], "coef_") else None


def quality(args, labels):
    train, test, ordinary = read_jsonl(args.train), read_jsonl(args.test), read_jsonl(args.ordinary)
    texts = [row["text"] for row in read_jsonl(args.texts)]
    out = {}
    for name, (description, factory) in models().items():
        model, fit_seconds = fit(factory, train, labels)
        probabilities = model.predict_proba([row["text"] for row in test])
        ordinary_probabilities = model.predict_proba([row["text"] for row in ordinary])
        model.predict_proba(texts[:200])  # warm-up
        started = time.perf_counter()
        model.predict_proba(texts)
        batch_seconds = time.perf_counter() - started
        single = texts[: args.single]
        started = time.perf_counter()
        for text in single:
            model.predict_proba([text])
        single_seconds = time.perf_counter() - started
        out[name] = {
            "config": description,
            "features": features_of(model),
            "fitSeconds": fit_seconds,
            "testProbabilities": [[round(float(p), 6) for p in row] for row in probabilities],
            "ordinaryProbabilities": [[round(float(p), 4) for p in row] for row in ordinary_probabilities],
            "throughput": {
                "batch": {"texts": len(texts), "seconds": batch_seconds, "perSecond": len(texts) / batch_seconds},
                "single": {"texts": len(single), "seconds": single_seconds, "perSecond": len(single) / single_seconds if single_seconds else None},
            },
        }
    return out


def train_only(args, labels):
    rows = read_jsonl(args.train)
    out = {}
    for name, (description, factory) in models().items():
        model, fit_seconds = fit(factory, rows, labels)
        out[name] = {"config": description, "features": features_of(model), "examples": len(rows), "fitSeconds": fit_seconds}
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["quality", "train"])
    parser.add_argument("--labels", required=True)
    parser.add_argument("--train", required=True)
    parser.add_argument("--test")
    parser.add_argument("--ordinary")
    parser.add_argument("--texts")
    parser.add_argument("--single", type=int, default=2000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    labels = args.labels.split(",")
    result = quality(args, labels) if args.command == "quality" else train_only(args, labels)
    versions = {"python": platform.python_version(), "sklearn": sklearn.__version__, "numpy": numpy.__version__, "scipy": scipy.__version__}
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump({"versions": versions, "labels": labels, "models": result}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
