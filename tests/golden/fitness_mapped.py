"""Golden values for the fitness template on a reduced, renamed member table
(tests/cases/fitness-mapped.test.ts), computed with pandas, scikit-learn, scipy and statsmodels.

The test builds the table from the real export: churn, four template roles (Partner, Lifetime,
Avg_additional_charges_total, Avg_class_frequency_total) and three extra features: Age (integer),
Phone (flag) and a "club" derived from two columns the table no longer has —
    Centre    if Near_Location == 1 and Group_visits == 1
    Riverside if Near_Location == 1 and Group_visits == 0
    Airport   if Near_Location == 0.
Here, independently of the TypeScript code:
- the one-hot columns of the club, as scikit-learn's OneHotEncoder names them (get_feature_names_out);
- the chi-square test of club × churn (scipy.stats.chi2_contingency on pandas' crosstab);
- the largest |Pearson r| between two design columns on the training rows (to show that no pair
  reaches the 0.8 at which the report leaves a feature out of the interpretation view);
- the odds ratios of statsmodels' unpenalised Logit on the training part (tests/golden/fitness-split.json,
  the same rows and split as the seed table: the reduced table keeps every row and the target),
  standardised with the training rows' mean and population sd, with the club's first level
  (Airport) as the reference level, and their Wald 95% intervals (conf_int).

Run:  /usr/bin/python3 tests/golden/fitness_mapped.py [path/to/shared/datasets]
      (writes tests/golden/fitness-mapped.json)
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy.stats
import statsmodels.api as sm
from sklearn.preprocessing import OneHotEncoder

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SHARED_DATASETS", "../shared/datasets")
split = json.load(open(os.path.join(HERE, "fitness-split.json")))

gym = pd.read_csv(os.path.join(DATASETS, "fitness", "gym_churn_us.csv"))
gym = gym.iloc[[line - 2 for line in split["lines"]]].reset_index(drop=True)
club = np.where(gym["Near_Location"] == 0, "Airport", np.where(gym["Group_visits"] == 1, "Centre", "Riverside"))
y = gym["Churn"].to_numpy(dtype=int)

encoder = OneHotEncoder(sparse_output=False).fit(club.reshape(-1, 1))
dummies = encoder.transform(club.reshape(-1, 1))
names = [n.replace("x0_", "") for n in encoder.get_feature_names_out()]

# Design columns in the report's order: template roles in template order, then the extra columns in mapping order.
ROLES = ["Partner", "Avg_additional_charges_total", "Lifetime", "Avg_class_frequency_total"]
X = np.column_stack([gym[c].to_numpy(dtype=float) for c in ROLES + ["Age", "Phone"]] + [dummies])

crosstab = pd.crosstab(club, y)
chi2, p, dof, _ = scipy.stats.chi2_contingency(crosstab.to_numpy())

train = np.array(split["train"])
Xtr, ytr = X[train], y[train]
corr = np.corrcoef(Xtr, rowvar=False)
max_r = float(np.max(np.abs(corr[np.triu_indices_from(corr, k=1)])))

keep = [j for j in range(X.shape[1]) if j != len(ROLES) + 2]  # leave out the club's first level (Airport)
Xv = Xtr[:, keep]
Zv = (Xv - Xv.mean(axis=0)) / Xv.std(axis=0)
logit = sm.Logit(ytr, sm.add_constant(Zv)).fit(method="newton", maxiter=100, tol=1e-12, disp=0)
ci = logit.conf_int(alpha=0.05)

out = {
    "n": int(len(y)), "positives": int(y.sum()),
    "clubLevels": [str(c) for c in encoder.categories_[0]], "clubColumns": names,
    "clubChurn": {str(k): float(v) for k, v in pd.Series(y).groupby(club).mean().items()},
    "chi2": {"statistic": float(chi2), "p": float(p), "dof": int(dof)},
    "maxAbsR": max_r,
    "odds": {"converged": bool(logit.mle_retvals["converged"]), "coef": [float(v) for v in logit.params[1:]],
             "lo": [float(v) for v in ci[1:, 0]], "hi": [float(v) for v in ci[1:, 1]]},
}
json.dump(out, open(os.path.join(HERE, "fitness-mapped.json"), "w"), indent=1)
print(json.dumps(out, indent=1))
