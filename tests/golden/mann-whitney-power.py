"""Power of scipy's two-sided Mann-Whitney U test (asymptotic, continuity-corrected), by simulation, for
tests/stats/power.test.ts: the rank-biserial r our detectableRankBiserial says is detected with 80 % power at
alpha = 0.05 must be detected about 80 % of the time.

For each pair of group sizes, normal samples are shifted by delta (sd 1); the population rank-biserial r of a
shift is 2 * P(X > Y) - 1 = 2 * Phi(delta / sqrt 2) - 1. Power at each r = the share of 4,000 simulated pairs
of samples with p < alpha. Writes tests/golden/mann-whitney-power.json.

    /usr/bin/python3 tests/golden/mann-whitney-power.py
"""
import json
import numpy as np
from scipy import stats

ALPHA, SIMS = 0.05, 4000
rng = np.random.default_rng(20261206)
scenarios = []
for n1, n2 in [(60, 140), (300, 300), (100, 900)]:
    curve = []
    for delta in np.linspace(0.05, 0.6, 23):
        x = rng.standard_normal((SIMS, n1)) + delta
        y = rng.standard_normal((SIMS, n2))
        p = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True, axis=1).pvalue
        r = 2 * stats.norm.cdf(delta / np.sqrt(2)) - 1
        curve.append({"r": float(r), "power": float(np.mean(p < ALPHA))})
    scenarios.append({"n1": n1, "n2": n2, "alpha": ALPHA, "sims": SIMS, "curve": curve})
with open(__file__.replace(".py", ".json"), "w") as f:
    json.dump({"source": "scipy %s, numpy %s" % (__import__("scipy").__version__, np.__version__), "scenarios": scenarios}, f, indent=1)
