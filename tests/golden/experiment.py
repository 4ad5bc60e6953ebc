"""Golden values for the experiment case (tests/cases/experiment.test.ts and tests/stats/ab.test.ts):
statsmodels and scipy on the demo A/B exports in data/experiment/, and on fixed inputs. Run with
Debian's python3 (python3-scipy python3-pandas python3-statsmodels) from the project root:

    /usr/bin/python3 tests/golden/experiment.py   # writes tests/golden/experiment.json

The participants are prepared as the test plan (data/experiment/experiment-plan.json) defines them:
groups A and B only, users listed in both groups or without a sign-up record left out, sign-ups in
the plan's region and enrolment dates, events from sign-up to before sign-up + window days and on or
before the test's last day. Everything after that is the reference libraries' own:
  chisquare (sample ratio), proportions_ztest + multipletests(holm) per funnel step,
  confint_proportions_2indep (diff: newcomb; ratio: log), proportion_confint (wilson),
  NormalIndPower / zt_ind_solve_power on proportion_effectsize (minimum detectable effect at the achieved
  sizes, sample needed at the planned split),
  mannwhitneyu (asymptotic, continuity) and scipy.stats.bootstrap (percentile) on revenue per user,
  the mSPRT's closed form checked by numerical integration of the normal mixture (scipy quad), and
  its confidence-sequence radius by root finding on that integral (brentq).
"""
import json, os
import numpy as np
import pandas as pd
from scipy import stats, integrate, optimize
from statsmodels.stats.proportion import proportions_ztest, proportion_confint, confint_proportions_2indep, proportion_effectsize
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, zt_ind_solve_power

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "../../data/experiment")
plan = json.load(open(os.path.join(DATA, "experiment-plan.json")))
participants = pd.read_csv(os.path.join(DATA, "final_ab_participants.csv"))
users = pd.read_csv(os.path.join(DATA, "final_ab_new_users.csv"), parse_dates=["first_date"])
events = pd.read_csv(os.path.join(DATA, "final_ab_events.csv"), parse_dates=["event_dt"])
steps = plan["funnel"]
window = pd.Timedelta(days=plan["windowDays"])
out = {"source": "scipy " + __import__("scipy").__version__ + ", statsmodels " + __import__("statsmodels").__version__, "tests": {}}

def per_user(test, t):
    p = participants[(participants.ab_test == test) & participants.group.isin([plan["control"], plan["treatment"]])]
    groups = p.groupby("user_id").group.nunique()
    p = p[p.user_id.isin(groups[groups == 1].index)].drop_duplicates("user_id")
    p = p.merge(users, on="user_id", how="inner")
    p = p[(p.region == t["region"]) & (p.first_date >= t["start"]) & (p.first_date <= t["enrolmentEnd"])]
    e = events.merge(p[["user_id", "first_date"]], on="user_id")
    e = e[(e.event_dt >= e.first_date) & (e.event_dt < e.first_date + window) & (e.event_dt < pd.Timestamp(t["end"]) + pd.Timedelta(days=1))]
    for s in steps:
        p[s] = p.user_id.isin(e[e.event_name == s].user_id)
    p["revenue"] = p.user_id.map(e.groupby("user_id").details.sum()).fillna(0.0)
    return p

for test, t in plan["tests"].items():
    p = per_user(test, t)
    a = p[p.group == plan["control"]]; b = p[p.group == plan["treatment"]]
    nA, nB = len(a), len(b)
    chi = stats.chisquare([nA, nB], [(1 - t["split"]) * (nA + nB), t["split"] * (nA + nB)])
    res = {"participants": [nA, nB], "srm": {"statistic": float(chi.statistic), "pValue": float(chi.pvalue)}, "steps": []}
    pvals = []
    for s in steps:
        xA, xB = int(a[s].sum()), int(b[s].sum())
        z, pv = proportions_ztest([xB, xA], [nB, nA])
        pvals.append(pv)
        d_lo, d_hi = confint_proportions_2indep(xB, nB, xA, nA, compare="diff", method="newcomb")
        r_lo, r_hi = confint_proportions_2indep(xB, nB, xA, nA, compare="ratio", method="log")
        w_lo, w_hi = proportion_confint(xA, nA, method="wilson")
        pA = xA / nA
        h = NormalIndPower().solve_power(effect_size=None, nobs1=nA, alpha=plan["alpha"], power=plan["power"], ratio=nB / nA)
        mde = np.sin(np.arcsin(np.sqrt(pA)) + h / 2) ** 2 / pA - 1
        es = proportion_effectsize(min(1.0, pA * (1 + plan["expectedLift"])), pA)
        need = zt_ind_solve_power(effect_size=es, nobs1=None, alpha=plan["alpha"], power=plan["power"], ratio=t["split"] / (1 - t["split"]))
        pw = NormalIndPower().power(effect_size=es, nobs1=nA, alpha=plan["alpha"], ratio=nB / nA)
        res["steps"].append({"step": s, "users": [xA, xB], "z": float(z), "pValue": float(pv),
            "difference": [float(d_lo), float(d_hi)], "lift": [float(r_lo) - 1, float(r_hi) - 1], "wilsonControl": [float(w_lo), float(w_hi)],
            "mde": float(mde), "neededControl": float(need), "powerForExpected": float(pw)})
    adj = multipletests(pvals, method="holm")[1]
    for st, q in zip(res["steps"], adj):
        st["pAdjusted"] = float(q)
    mw = stats.mannwhitneyu(b.revenue, a.revenue, alternative="two-sided", method="asymptotic", use_continuity=True)
    boot = stats.bootstrap((b.revenue.to_numpy(), a.revenue.to_numpy()), lambda x, y, axis=-1: np.mean(x, axis=axis) - np.mean(y, axis=axis),
        n_resamples=9999, method="percentile", vectorized=True, random_state=np.random.default_rng(1))
    res["revenue"] = {"mean": [float(a.revenue.mean()), float(b.revenue.mean())], "mannWhitney": {"u": float(mw.statistic), "pValue": float(mw.pvalue)},
        "bootstrap": [float(boot.confidence_interval.low), float(boot.confidence_interval.high)]}
    out["tests"][test] = res

# --- the mSPRT's closed form against the mixture integral, on fixed inputs ---
def mixture(d, v, tau):
    # the likelihood ratio N(d; θ, v) / N(d; 0, v) times the mixing density N(θ; 0, τ²), in one exponent
    f = lambda th: np.exp((2 * d * th - th * th) / (2 * v) - th * th / (2 * tau * tau)) / (tau * np.sqrt(2 * np.pi))
    # the integrand is a normal bump around m = d τ² / (v + τ²) with sd √(v τ² / (v + τ²)): integrate ± 40 sd around it
    m, s = d * tau * tau / (v + tau * tau), np.sqrt(v * tau * tau / (v + tau * tau))
    return integrate.quad(f, m - 40 * s, m + 40 * s, points=[m], limit=200, epsabs=0, epsrel=1e-12)[0]
cases = [(0.0, 4e-4, 0.03), (0.02, 4e-4, 0.03), (-0.05, 1e-3, 0.01), (0.01, 2.5e-5, 0.05)]
out["msprt"] = [{"difference": d, "variance": v, "tau": tau, "ratio": mixture(d, v, tau)} for d, v, tau in cases]
alpha = 0.05
def radius(v, tau):
    b = np.sqrt(v)
    while mixture(b, v, tau) < 1 / alpha:
        b *= 2
    return optimize.brentq(lambda r: mixture(r, v, tau) - 1 / alpha, 0, b, xtol=1e-14)
out["confidenceSequence"] = [{"variance": v, "tau": tau, "alpha": alpha, "halfWidth": radius(v, tau)} for _, v, tau in cases]
out["normalQuantile"] = [{"p": p, "z": float(stats.norm.ppf(p))} for p in [1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.9999]]

json.dump(out, open(os.path.join(HERE, "experiment.json"), "w"), indent=1)
print("wrote", os.path.join(HERE, "experiment.json"))
