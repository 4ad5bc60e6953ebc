"""Golden odds ratios for tests/cases/fitness.test.ts: statsmodels' unpenalised Logit with its Wald
95% confidence intervals (conf_int), on the real fitness export's training part (the committed
split, tests/golden/fitness-split.json) and the interpretation view's features (tests/golden/
fitness.json, whose pruning scikit-learn reproduces there), each standardised with the training
rows' mean and population sd (scikit-learn's StandardScaler).

Run with Debian's python3 (statsmodels, pandas; apt packages python3-statsmodels python3-pandas)
from the project root, after tests/golden/fitness.py:
    /usr/bin/python3 tests/golden/fitness_odds.py [path/to/shared/datasets]
Writes tests/golden/fitness-odds.json.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import PredefinedSplit, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SHARED_DATASETS", "../shared/datasets")
split = json.load(open(os.path.join(HERE, "fitness-split.json")))
reference = json.load(open(os.path.join(HERE, "fitness.json")))
features = reference["interpretation"]["features"]

COLUMNS = {
    "gender": "gender", "nearLocation": "Near_Location", "partner": "Partner", "promoFriends": "Promo_friends",
    "phone": "Phone", "contractPeriod": "Contract_period", "groupVisits": "Group_visits", "age": "Age",
    "additionalCharges": "Avg_additional_charges_total", "monthsToEndOfContract": "Month_to_end_contract",
    "lifetime": "Lifetime", "classFrequencyTotal": "Avg_class_frequency_total",
    "classFrequencyCurrentMonth": "Avg_class_frequency_current_month",
}
gym = pd.read_csv(os.path.join(DATASETS, "fitness", "gym_churn_us.csv"))
gym = gym.iloc[[line - 2 for line in split["lines"]]].reset_index(drop=True)
train = np.array(split["train"])
X = gym[[COLUMNS[f] for f in features]].to_numpy(dtype=float)[train]
y = gym["Churn"].to_numpy(dtype=int)[train]
Z = (X - X.mean(axis=0)) / X.std(axis=0)
fit = sm.Logit(y, sm.add_constant(Z)).fit(method="newton", maxiter=100, tol=1e-12, disp=0)
ci = fit.conf_int(alpha=0.05)
odds = {
    "features": features,
    "converged": bool(fit.mle_retvals["converged"]),
    "coef": [float(v) for v in fit.params[1:]],
    "lo": [float(v) for v in ci[1:, 0]],
    "hi": [float(v) for v in ci[1:, 1]],
}

current = gym["Avg_class_frequency_current_month"].to_numpy(dtype=float)
churn = gym["Churn"].to_numpy(dtype=int)
late = {"zeroVisitChurners": int(((current == 0) & (churn == 1)).sum()), "zeroVisitStayers": int(((current == 0) & (churn == 0)).sum())}

assert reference["chosen"]["family"] == "logistic", "the chosen candidate is no longer a logistic regression: extend this script"
C = reference["chosen"]["params"]["C"]
ALL = list(COLUMNS)
Xall = gym[[COLUMNS[f] for f in ALL]].to_numpy(dtype=float)[train]
folds = PredefinedSplit(np.array(split["folds"]))
model = make_pipeline(StandardScaler(), LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000))
keep = [j for j, f in enumerate(ALL) if f != "classFrequencyCurrentMonth"]
auc = lambda cols: float(np.mean(cross_val_score(model, Xall[:, cols], y, cv=folds, scoring="roc_auc")))
without = {"C": C, "with": auc(list(range(len(ALL)))), "without": auc(keep)}

out = {"statsmodels": statsmodels.__version__, "odds": odds, "lateWarning": late, "withoutCurrentMonth": without}
json.dump(out, open(os.path.join(HERE, "fitness-review.json"), "w"), indent=1)
print(json.dumps(out, indent=1))
