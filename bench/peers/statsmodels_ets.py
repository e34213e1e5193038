"""The statsmodels peer of bench/forecasting.ts: automatic ETS selection as a statsmodels user would write it.

  statsmodels_ets.py --input IN.json --h 12 --processes 2 --out OUT.json      (--input - reads stdin)

IN.json is {"series": [{"id": ..., "values": [...], "m": 12}, ...]}. For every series, each admissible ETSModel with
additive errors is fitted by maximum likelihood (statsmodels' defaults: estimated initial states, L-BFGS): trend
none / additive / additive damped × season none / additive / multiplicative, the season only with two full years of
data and the multiplicative one only when every value is positive. The lowest AICc wins; it forecasts h steps with
80 % and 95 % prediction intervals from get_prediction().summary_frame(alpha=...) (exact for the linear models,
simulated with a fixed seed for the multiplicative-season ones, as statsmodels chooses by default).

OUT.json holds, per series, the chosen model, mean and interval bounds, the fit seconds (measured in the worker) and
the number of candidate fits that did not converge; plus the wall time of the whole pool, so the caller can compare
series per second. Threads are pinned to one per process by the caller (OMP/BLAS env); --processes sets the pool.
"""
import argparse
import json
import math
import multiprocessing
import platform
import sys
import time
import warnings

import numpy
import pandas
import scipy
import statsmodels
from statsmodels.tools.sm_exceptions import ConvergenceWarning
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

SEED = 20240101


def candidates(values, m):
    """(name, ETSModel keyword arguments) for every admissible additive-error model."""
    seasonal_ok = m > 1 and len(values) >= 2 * m
    positive = bool(numpy.all(values > 0))
    seasons = [None] + (["add"] if seasonal_ok else []) + (["mul"] if seasonal_ok and positive else [])
    out = []
    for trend, damped, trend_code in [(None, False, "N"), ("add", False, "A"), ("add", True, "Ad")]:
        for season in seasons:
            season_code = {None: "N", "add": "A", "mul": "M"}[season]
            kwargs = {"error": "add", "trend": trend, "damped_trend": damped, "seasonal": season}
            if season is not None:
                kwargs["seasonal_periods"] = m
            out.append((f"ets(A,{trend_code},{season_code})", kwargs))
    return out


def forecast_one(item, h):
    values = numpy.asarray(item["values"], dtype=float)
    m = int(item["m"])
    # A pandas Series, as users pass one: statsmodels 0.13's get_prediction fails on a bare ndarray.
    endog = pandas.Series(values, index=pandas.RangeIndex(len(values)))
    started = time.perf_counter()
    best = None
    not_converged = 0
    failed = 0
    for name, kwargs in candidates(values, m):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            warnings.simplefilter("ignore", RuntimeWarning)
            try:
                result = ETSModel(endog, initialization_method="estimated", **kwargs).fit(disp=False)
            except Exception:  # a candidate that cannot be fitted (e.g. singular start) is skipped, as a user would
                failed += 1
                continue
        not_converged += sum(1 for warning in caught if issubclass(warning.category, ConvergenceWarning))
        aicc = float(result.aicc)
        if math.isfinite(aicc) and (best is None or aicc < best[0]):
            best = (aicc, name, result)
    out = {"id": item["id"], "notConverged": not_converged, "failed": failed}
    if best is None:
        out.update({"model": None, "seconds": time.perf_counter() - started})
        return out
    _, name, result = best
    n = len(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prediction = result.get_prediction(start=n, end=n + h - 1, random_state=SEED)
        frame80 = prediction.summary_frame(alpha=0.2)
        frame95 = prediction.summary_frame(alpha=0.05)
    seconds = time.perf_counter() - started
    as_list = lambda column: [float(value) for value in numpy.asarray(column)]
    out.update({
        "model": name,
        "mean": as_list(frame80["mean"]),
        "lo80": as_list(frame80["pi_lower"]),
        "hi80": as_list(frame80["pi_upper"]),
        "lo95": as_list(frame95["pi_lower"]),
        "hi95": as_list(frame95["pi_upper"]),
        "seconds": seconds,
    })
    return out


def work(args):
    item, h = args
    return forecast_one(item, h)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True, help="JSON file, or - for stdin")
    parser.add_argument("--h", type=int, required=True)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.input == "-":
        series = json.load(sys.stdin)["series"]
    else:
        with open(args.input, encoding="utf-8") as handle:
            series = json.load(handle)["series"]
    started = time.perf_counter()
    if args.processes > 1:
        with multiprocessing.get_context("fork").Pool(args.processes) as pool:
            results = list(pool.imap(work, [(item, args.h) for item in series], chunksize=1))
    else:
        results = [forecast_one(item, args.h) for item in series]
    wall = time.perf_counter() - started
    versions = {
        "python": platform.python_version(),
        "statsmodels": statsmodels.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "pandas": pandas.__version__,
    }
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump({"versions": versions, "processes": args.processes, "wallSeconds": wall, "series": results}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
