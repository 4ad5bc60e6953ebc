"""Golden odds ratios for tests/analysis/analysis.test.ts: statsmodels' unpenalised Logit and its Wald 95%
confidence intervals (conf_int) on a small synthetic data set with two numeric features and a
categorical one coded as a full set of one-hot columns (levels a, b, c). The report must reach the
same figures although its candidates are strongly penalised (C = 0.01): the odds ratios come from
an unpenalised refit, with the last level (c) left out as the reference, which is the usual
treatment coding. Columns are standardised with the rows' mean and population sd (scikit-learn's
StandardScaler), as the report does.

Run with Debian's python3 (numpy, statsmodels; apt package python3-statsmodels) from the project root:
    /usr/bin/python3 tests/golden/odds_ratios.py
Writes tests/golden/odds-ratios.json (the data and the reference figures).
"""
import json
import os

import numpy as np
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)
n = 500
x1, x2 = rng.normal(size=n), rng.normal(size=n)
level = rng.choice(3, size=n, p=[0.3, 0.3, 0.4])
onehot = np.eye(3)[level]
logit = -0.3 + 1.2 * x1 - 0.7 * x2 + np.array([0.8, -0.5, 0.0])[level]
y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
X = np.column_stack([x1, x2, onehot])

kept = X[:, :4]  # level c left out as the reference
Z = (kept - kept.mean(axis=0)) / kept.std(axis=0)
fit = sm.Logit(y, sm.add_constant(Z)).fit(method="newton", maxiter=100, tol=1e-12, disp=0)
ci = fit.conf_int(alpha=0.05)
out = {
    "statsmodels": statsmodels.__version__,
    "X": X.tolist(),
    "y": y.tolist(),
    "features": ["x1", "x2", "level=a", "level=b", "level=c"],
    "kept": ["x1", "x2", "level=a", "level=b"],
    "reference": ["level=c"],
    "coef": [float(v) for v in fit.params[1:]],
    "lo": [float(v) for v in ci[1:, 0]],
    "hi": [float(v) for v in ci[1:, 1]],
}
json.dump(out, open(os.path.join(HERE, "odds-ratios.json"), "w"))
print(out["coef"], out["lo"], out["hi"])
