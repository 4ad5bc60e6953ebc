"""Golden values for tests/stats/survival.test.ts: Kaplan–Meier and (stratified) log-rank tests from
statsmodels (SurvfuncRight, survdiff), independent of loaders/stats/kaplanMeier.ts and logRank.ts.
The inputs are generated here (seeded, with tied times, censoring, three groups and four strata) and
written into the JSON with the results. Run with Debian's python3 (packages python3-scipy python3-sklearn python3-pandas python3-statsmodels) from the project root:

    /usr/bin/python3 tests/golden/survival.py   # writes tests/golden/survival.json
"""
import json, os
import numpy as np
from scipy import stats
import statsmodels
from statsmodels.duration.survfunc import SurvfuncRight, survdiff

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261206)
n = 300
group = rng.choice(["a", "b", "c"], size=n)
stratum = rng.choice(["s1", "s2", "s3", "s4"], size=n)
rate = np.where(group == "a", 1 / 40, np.where(group == "b", 1 / 60, 1 / 45)) * np.where(stratum == "s1", 1.5, 1.0)
event_time = rng.exponential(1 / rate)
censor_time = rng.uniform(5, 150, size=n)
time = np.round(np.minimum(event_time, censor_time))  # whole days: many ties
status = (event_time <= censor_time).astype(int)

out = {"source": "statsmodels " + statsmodels.__version__,
       "time": time.tolist(), "status": status.tolist(), "group": group.tolist(), "stratum": stratum.tolist()}

sf = SurvfuncRight(time, status)
out["km"] = {"time": sf.surv_times.tolist(), "survival": sf.surv_prob.tolist(), "se": [None if np.isnan(x) else x for x in sf.surv_prob_se.tolist()],  # NaN where S = 0
             "atRisk": sf.n_risk.tolist(), "events": sf.n_events.tolist()}


def lr(t, s, g, strata=None):
    chi2, _ = survdiff(t, s, g, strata=strata)
    df = len(np.unique(g)) - 1
    return {"chi2": float(chi2), "df": df, "p": float(stats.chi2.sf(chi2, df))}  # sf: survdiff's 1 − cdf has no precision for small p


out["logrank"] = lr(time, status, group)
out["logrankStratified"] = lr(time, status, group, stratum)
two = group != "c"
out["logrankTwo"] = lr(time[two], status[two], group[two])
# Delayed entry (left truncation): each subject enters at a whole day before its time, so entries tie with
# event times; at risk at t means entry < t <= time (SurvfuncRight and survdiff agree on this).
entry = np.where(time > 0, np.floor(rng.uniform(0, 1, size=n) * time), time - 1)
out["entry"] = entry.tolist()
sfe = SurvfuncRight(time, status, entry=entry)
out["kmEntry"] = {"time": sfe.surv_times.tolist(), "survival": sfe.surv_prob.tolist(),
                  "se": [None if np.isnan(x) else x for x in sfe.surv_prob_se.tolist()], "atRisk": sfe.n_risk.tolist()}
chi2e, _ = survdiff(time, status, group, entry=entry)
out["logrankEntry"] = {"chi2": float(chi2e), "df": 2, "p": float(stats.chi2.sf(chi2e, 2))}
with open(os.path.join(HERE, "survival.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print("wrote", os.path.join(HERE, "survival.json"))
