"""Golden values for tests/stats: scipy / statsmodels / pandas on fixed inputs and the real
fitness table. Run with Debian's python3 (packages python3-scipy python3-sklearn python3-pandas python3-statsmodels) from /work/main:

    /usr/bin/python3 tests/golden/stats.py   # writes tests/golden/stats.json
"""
import json, os
import numpy as np
import pandas as pd
from scipy import stats
from scipy.stats import contingency
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.abspath(os.environ.get("SHARED_DATASETS", os.path.join(HERE, "../../../shared/datasets")))
fit = pd.read_csv(os.path.join(DATASETS, "fitness/gym_churn_us.csv"))
out = {"source": "scipy " + __import__("scipy").__version__ + ", pandas " + pd.__version__}

def f(x):
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else float(x)

# --- small fixed inputs (ties, missing values) ---
small_a = [3.1, 2.0, 2.0, 5.5, 7.25, 2.0, 9.0, 4.4, 4.4, 1.0, float("nan")]
small_b = [1.5, 2.0, 3.3, 3.3, 0.5, 2.0, 6.0, 1.1]
out["small"] = {"a": [None if np.isnan(v) else v for v in small_a], "b": small_b}
s = pd.Series(small_a)
out["small"]["describe"] = {
    "n": int(s.count()), "mean": f(s.mean()), "sd": f(s.std()), "min": f(s.min()), "q1": f(s.quantile(.25)),
    "median": f(s.median()), "q3": f(s.quantile(.75)), "max": f(s.max()), "skew": f(s.skew())}
a = np.array([v for v in small_a if not np.isnan(v)]); b = np.array(small_b)
mw = stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)
out["small"]["mannwhitney"] = {"u": f(mw.statistic), "p": f(mw.pvalue)}
mw_eq = stats.mannwhitneyu([1, 2, 3, 4], [4, 3, 2, 1], alternative="two-sided", method="asymptotic", use_continuity=True)
out["small"]["mannwhitney_equal"] = {"u": f(mw_eq.statistic), "p": f(mw_eq.pvalue)}
w = stats.ttest_ind(a, b, equal_var=False); st = stats.ttest_ind(a, b, equal_var=True)
out["small"]["welch"] = {"t": f(w.statistic), "p": f(w.pvalue)}
out["small"]["student"] = {"t": f(st.statistic), "p": f(st.pvalue)}
kw = stats.kruskal(a, b, [2.0, 2.0, 8.0, 10.0, 0.25])
out["small"]["kruskal"] = {"groups": [a.tolist(), b.tolist(), [2.0, 2.0, 8.0, 10.0, 0.25]], "h": f(kw.statistic), "p": f(kw.pvalue)}
x = [1, 2, 2, 3, 4, 5, 5, 5, 9, 10]; y = [2, 1, 4, 4, 3, 6, 7, 5, 8, 8]
out["small"]["corr"] = {"x": x, "y": y, "pearson": f(stats.pearsonr(x, y)[0]), "spearman": f(stats.spearmanr(x, y)[0])}
tables = {"t2x2": [[12, 5], [3, 9]], "t3x4": [[10, 4, 6, 0], [3, 8, 2, 5], [7, 7, 7, 1]]}
out["small"]["chi2"] = {}
for name, t in tables.items():
    c1 = stats.chi2_contingency(t, correction=True); c0 = stats.chi2_contingency(t, correction=False)
    out["small"]["chi2"][name] = {"table": t, "yates": {"chi2": f(c1[0]), "p": f(c1[1]), "df": int(c1[2])},
                                 "plain": {"chi2": f(c0[0]), "p": f(c0[1]), "df": int(c0[2])},
                                 "cramer": f(contingency.association(np.array(t), method="cramer"))}
pv = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 1e-8, 0.049]
out["small"]["multitest"] = {"p": pv, "holm": multipletests(pv, method="holm")[1].tolist(),
                             "bh": multipletests(pv, method="fdr_bh")[1].tolist()}
z = proportions_ztest([30, 45], [200, 210])
out["small"]["proportions"] = {"successes": [30, 45], "totals": [200, 210], "z": f(z[0]), "p": f(z[1])}

# --- the real fitness table ---
churn = fit["Churn"] == 1
F = {}
F["columns"] = list(fit.columns)
F["describe"] = {c: {"mean": f(fit[c].mean()), "sd": f(fit[c].std()), "q1": f(fit[c].quantile(.25)),
                     "median": f(fit[c].median()), "q3": f(fit[c].quantile(.75)), "skew": f(fit[c].skew())}
                 for c in ["Age", "Avg_additional_charges_total", "Lifetime", "Avg_class_frequency_current_month"]}
F["pearson"] = fit.corr(method="pearson").values.tolist()
F["spearman"] = fit.corr(method="spearman").values.tolist()
F["two_sample"] = {}
for c in ["Lifetime", "Age", "Avg_additional_charges_total"]:
    g1 = fit.loc[churn, c].to_numpy(float); g0 = fit.loc[~churn, c].to_numpy(float)
    w = stats.ttest_ind(g1, g0, equal_var=False); st = stats.ttest_ind(g1, g0, equal_var=True)
    mw = stats.mannwhitneyu(g1, g0, alternative="two-sided", method="asymptotic", use_continuity=True)
    n1, n0 = len(g1), len(g0)
    sp = np.sqrt(((n1 - 1) * g1.var(ddof=1) + (n0 - 1) * g0.var(ddof=1)) / (n1 + n0 - 2))
    # Welch df (Welch–Satterthwaite)
    v1, v0 = g1.var(ddof=1) / n1, g0.var(ddof=1) / n0
    F["two_sample"][c] = {"welch": {"t": f(w.statistic), "p": f(w.pvalue), "df": f((v1 + v0) ** 2 / (v1 ** 2 / (n1 - 1) + v0 ** 2 / (n0 - 1)))},
                          "student": {"t": f(st.statistic), "p": f(st.pvalue)},
                          "mannwhitney": {"u": f(mw.statistic), "p": f(mw.pvalue), "r": f(2 * mw.statistic / (n1 * n0) - 1)},
                          "cohen_d": f((g1.mean() - g0.mean()) / sp)}
F["chi2"] = {}
for c in ["Contract_period", "Partner", "gender", "Group_visits"]:
    t = pd.crosstab(fit[c], fit["Churn"]).values
    c1 = stats.chi2_contingency(t, correction=True); c0 = stats.chi2_contingency(t, correction=False)
    F["chi2"][c] = {"table": t.tolist(), "yates": {"chi2": f(c1[0]), "p": f(c1[1])}, "plain": {"chi2": f(c0[0]), "p": f(c0[1]), "df": int(c0[2])},
                    "cramer": f(contingency.association(t, method="cramer"))}
pt = pd.crosstab(fit["Partner"], fit["Churn"]).values
z = proportions_ztest([pt[1, 1], pt[0, 1]], [pt[1].sum(), pt[0].sum()])
F["proportions_partner"] = {"successes": [int(pt[1, 1]), int(pt[0, 1])], "totals": [int(pt[1].sum()), int(pt[0].sum())], "z": f(z[0]), "p": f(z[1])}
F["kruskal"] = {}
for c in ["Lifetime", "Age", "Avg_additional_charges_total"]:
    groups = [fit.loc[fit["Contract_period"] == k, c].to_numpy(float) for k in sorted(fit["Contract_period"].unique())]
    kw = stats.kruskal(*groups)
    F["kruskal"][c] = {"h": f(kw.statistic), "p": f(kw.pvalue), "epsilon2": f(kw.statistic / (len(fit) - 1))}
    # correlation ratio eta via one-way ANOVA: eta^2 = F dfb / (F dfb + dfw)
    fo = stats.f_oneway(*groups); dfb = len(groups) - 1; dfw = len(fit) - len(groups)
    F["kruskal"][c]["eta"] = f(np.sqrt(fo.statistic * dfb / (fo.statistic * dfb + dfw)))
fam = [F["two_sample"][c]["welch"]["p"] for c in F["two_sample"]] + [F["chi2"][c]["yates"]["p"] for c in F["chi2"]]
F["multitest"] = {"p": fam, "holm": multipletests(fam, method="holm")[1].tolist(), "bh": multipletests(fam, method="fdr_bh")[1].tolist()}
# Cramér's V with Bergsma's (2013) bias correction — not in scipy, so the formula is written out
def cramers_v_corrected(t):
    t = np.asarray(t, float); n = t.sum(); r, c = t.shape
    phi2 = stats.chi2_contingency(t, correction=False)[0] / n
    phi2c = max(0.0, phi2 - (r - 1) * (c - 1) / (n - 1))
    rc = r - (r - 1) ** 2 / (n - 1); cc = c - (c - 1) ** 2 / (n - 1)
    return float(np.sqrt(phi2c / (min(rc, cc) - 1)))
F["cramer_corrected"] = {c: cramers_v_corrected(F["chi2"][c]["table"]) for c in F["chi2"]}
out["fitness"] = F

with open(os.path.join(HERE, "stats.json"), "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", os.path.join(HERE, "stats.json"))
