"""Golden values for tests/cases/fitness-retention.test.ts: the gym's monthly churn hazard by tenure and its
retention curve with delayed entry, from statsmodels, independent of loaders/stats and
loaders/cases/fitness/retention.ts.

The member table is a snapshot of current members: each has a tenure (`Lifetime`, months) and whether
they leave in the following month (`Churn`). A member is observed over one month only, from tenure t to
t + 1: entry = t, exit = t + 1, event = churn. SurvfuncRight(time=t+1, status=churn, entry=t) chains the
monthly hazards into a retention curve; survdiff(..., entry=t) compares the levers; PHReg(..., entry=t)
gives hazard ratios. Hazards' 95 % intervals: Wilson (statsmodels proportion_confint, method="wilson").

Run with Debian's python3 (python3-statsmodels, python3-pandas) from the project root:

    /usr/bin/python3 tests/golden/fitness_retention.py   # writes tests/golden/fitness-retention.json
"""
import json, os
import numpy as np
import pandas as pd
import statsmodels
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight, survdiff
from statsmodels.duration.hazard_regression import PHReg
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
d = pd.read_csv(os.path.join(HERE, "../../../shared/datasets/fitness/gym_churn_us.csv"))
entry = d["Lifetime"].to_numpy(float)
time = entry + 1
status = d["Churn"].to_numpy(int)

out = {"source": "statsmodels " + statsmodels.__version__, "members": len(d)}

hz = []
for t, g in d.groupby("Lifetime"):
    n, k = len(g), int(g["Churn"].sum())
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    hz.append({"tenure": int(t), "members": n, "left": k, "hazard": k / n, "low": float(lo), "high": float(hi)})
out["hazards"] = hz


def curve(mask):
    sf = SurvfuncRight(time[mask], status[mask], entry=entry[mask])
    return {"time": sf.surv_times.tolist(), "survival": sf.surv_prob.tolist(),
            "se": [None if np.isnan(x) else float(x) for x in sf.surv_prob_se], "atRisk": sf.n_risk.tolist()}


def at(c, m):
    s = 1.0
    for t, v in zip(c["time"], c["survival"]):
        if t <= m:
            s = v
    return s


out["overall"] = curve(np.ones(len(d), bool))
out["retained"] = {"1": at(out["overall"], 1), "3": at(out["overall"], 3)}

levers = {}
for col in ["Contract_period", "Group_visits", "Partner", "Promo_friends"]:
    groups = d[col].to_numpy()
    chi2, _ = survdiff(time, status, groups, entry=entry)
    df = len(np.unique(groups)) - 1
    levers[col] = {"chi2": float(chi2), "df": df, "p": float(stats.chi2.sf(chi2, df)),
                   "retained3": {str(v): at(curve(groups == v), 3) for v in np.unique(groups)}}
out["levers"] = levers

# Cox proportional hazards with delayed entry, Breslow ties (PHReg's default); the four levers, contract
# length as dummies against 1 month.
X = pd.DataFrame({"contract6": (d["Contract_period"] == 6).astype(float), "contract12": (d["Contract_period"] == 12).astype(float),
                  "groupVisits": d["Group_visits"].astype(float), "partner": d["Partner"].astype(float), "promoFriends": d["Promo_friends"].astype(float)})
# PHReg puts a subject whose entry equals an event time into that time's risk set (entry <= t), unlike
# SurvfuncRight and survdiff (entry < t): a member entering at tenure 1 would count as at risk for the
# churn of the members at tenure 0. Entering at t + 0.5 makes both conventions the same (every event
# time is a whole month), so this is the entry < t <= time risk set the curves use.
fit = PHReg(time, X.to_numpy(), status=status, entry=entry + 0.5, ties="breslow").fit()
ci = fit.conf_int()
out["cox"] = {"names": list(X.columns), "coef": fit.params.tolist(), "se": fit.bse.tolist(),
              "hr": np.exp(fit.params).tolist(), "low": np.exp(ci[:, 0]).tolist(), "high": np.exp(ci[:, 1]).tolist(),
              "p": fit.pvalues.tolist(), "loglik": float(fit.llf)}

# Proportional hazards: each term may change after tenure 3 (term × [tenure >= 3]; every member is seen at
# one tenure, so the product is an ordinary covariate). Joint Wald test of the five interactions.
late = (d["Lifetime"] >= 3).astype(float).to_numpy()[:, None]
XL = np.hstack([X.to_numpy(), X.to_numpy() * late])
fitL = PHReg(time, XL, status=status, entry=entry + 0.5, ties="breslow").fit()
b = fitL.params[5:]
V = fitL.cov_params()[5:, 5:]
w = float(b @ np.linalg.solve(V, b))
out["coxLate"] = {"hr": np.exp(b).tolist(), "wald": w, "df": 5, "p": float(stats.chi2.sf(w, 5))}

with open(os.path.join(HERE, "fitness-retention.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print("wrote", os.path.join(HERE, "fitness-retention.json"))
print(json.dumps({k: out[k] for k in ["retained"]}), {k: (round(v["chi2"], 2), v["p"], v["retained3"]) for k, v in levers.items()})
print(out["coxLate"])
print(out["cox"]["names"], np.round(out["cox"]["hr"], 3), np.round(out["cox"]["p"], 5))
