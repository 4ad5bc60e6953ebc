"""Reference values for the evaluation helpers the model reports use (tests/models/evaluation.test.ts),
each from an independent implementation, not a re-run of ours:

- calibration: scikit-learn's `calibration_curve` (10 uniform bins) on probabilities that sit exactly
  on bin edges (multiples of 1/10 and of 1/15, as a tree or a k-nearest-neighbour model gives them),
  where right-closed and left-closed bins disagree;
- bootstrap: `scipy.stats.bootstrap(method="percentile")` 95% intervals of a mean and of a paired
  ROC-AUC, with scipy's own random stream (our resamples differ, so the test allows Monte Carlo
  error, stated in standard errors of the bootstrap distribution, which scipy also reports);
- permutation importance: scikit-learn's `permutation_importance` (ROC-AUC scoring, 300 repeats) of
  a logistic model with fixed coefficients, again with scikit-learn's own shuffles.

Run with Debian's python3 (scikit-learn 1.2, scipy 1.10) from the project root:
    /usr/bin/python3 tests/golden/evaluation.py   # writes tests/golden/evaluation.json
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.stats import bootstrap
from sklearn.calibration import calibration_curve
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2024)
out = {"sklearn": sklearn.__version__, "scipy": scipy.__version__}

# Calibration with probabilities on the bin edges.
p = np.concatenate([np.arange(11) / 10, np.arange(16) / 15])
p = np.tile(p, 8)
y = (rng.uniform(size=p.size) < p).astype(int)
true, pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
out["calibrationEdges"] = {"y": y.tolist(), "p": p.tolist(), "observed": true.tolist(), "predicted": pred.tolist()}

# Bootstrap of a mean.
x = rng.normal(10, 2, size=200)
res = bootstrap((x,), np.mean, method="percentile", n_resamples=20000, confidence_level=0.95, random_state=1)
out["bootstrapMean"] = {"x": x.tolist(), "resamples": 20000, "lo": float(res.confidence_interval.low), "hi": float(res.confidence_interval.high),
                        "standardError": float(res.standard_error)}

# Bootstrap of a paired ROC-AUC.
ya = (rng.uniform(size=300) < 0.3).astype(int)
pa = np.clip(0.3 + 0.2 * ya + 0.6 * (rng.uniform(size=300) - 0.5), 0, 1)
res = bootstrap((ya, pa), roc_auc_score, paired=True, vectorized=False, method="percentile", n_resamples=4000, random_state=1)
out["bootstrapAuc"] = {"y": ya.tolist(), "p": pa.tolist(), "resamples": 4000, "auc": float(roc_auc_score(ya, pa)),
                       "lo": float(res.confidence_interval.low), "hi": float(res.confidence_interval.high), "standardError": float(res.standard_error)}

# Permutation importance of a fixed logistic model.
X = rng.normal(size=(1000, 3))
coef, intercept = np.array([2.0, 0.5, 0.0]), -0.3
yp = (rng.uniform(size=1000) < 1 / (1 + np.exp(-(X @ coef + intercept)))).astype(int)
model = LogisticRegression()
model.classes_, model.coef_, model.intercept_ = np.array([0, 1]), coef[None, :], np.array([intercept])
perm = permutation_importance(model, X, yp, scoring="roc_auc", n_repeats=300, random_state=0)
out["permutation"] = {"X": X.tolist(), "y": yp.tolist(), "coef": coef.tolist(), "intercept": intercept, "repeats": 300,
                      "baseline": float(roc_auc_score(yp, model.predict_proba(X)[:, 1])),
                      "mean": perm.importances_mean.tolist(), "sd": perm.importances_std.tolist()}

with open(os.path.join(HERE, "evaluation.json"), "w") as f:
    json.dump(out, f)
    f.write("\n")
print(json.dumps({k: {kk: vv for kk, vv in v.items() if not isinstance(vv, list) or len(vv) < 5} if isinstance(v, dict) else v for k, v in out.items()}, indent=1))
