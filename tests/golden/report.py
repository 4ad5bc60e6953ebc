"""Golden values for tests/analysis/analysis.test.ts (generic report layer): Wilson intervals from
statsmodels and uniform calibration bins from scikit-learn on fixed inputs.

Run with Debian's python3 (packages python3-scipy python3-sklearn python3-pandas python3-statsmodels) from /work/main:
    /usr/bin/python3 tests/golden/report.py   # writes tests/golden/report.json
"""
import json, os
import numpy as np
from statsmodels.stats.proportion import proportion_confint
from sklearn.calibration import calibration_curve

HERE = os.path.dirname(os.path.abspath(__file__))
cases = [(0, 10), (3, 10), (10, 10), (1, 400), (785, 1287), (48, 400), (3, 979)]
out = {"wilson": [{"successes": k, "n": n, "lo": float(lo), "hi": float(hi)}
                  for k, n in cases for lo, hi in [proportion_confint(k, n, alpha=0.05, method="wilson")]]}
rng = np.random.default_rng(7)
p = rng.uniform(size=500) ** 1.5
y = (rng.uniform(size=500) < p).astype(int)
true, pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
out["calibration"] = {"y": [int(v) for v in y], "p": [float(v) for v in p], "observed": [float(v) for v in true], "predicted": [float(v) for v in pred]}
json.dump(out, open(os.path.join(HERE, "report.json"), "w"))
