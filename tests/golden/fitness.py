"""Golden values for tests/cases/fitness.test.ts: scikit-learn / scipy on the real fitness export,
computed the way a statistician would with the standard tools, on the same split and folds as the
report (tests/golden/fitness-split.json, written by tests/golden/fitness-split.ts from the
TypeScript split with seed 42).

Run with Debian's python3 (packages python3-sklearn python3-scipy python3-pandas python3-statsmodels)
from the project root:
    npx tsx tests/golden/fitness-split.ts [path/to/shared/datasets]
    /usr/bin/python3 tests/golden/fitness.py [path/to/shared/datasets]
Writes tests/golden/fitness.json. The product has no Python dependency; only this script does.

What it computes, independently of the TypeScript code:
- reference: scikit-learn's own stratified 20% test part (train_test_split, random_state=42) and a
  default Pipeline(StandardScaler, LogisticRegression()) on all 13 features — what a plain
  scikit-learn analysis reaches (accuracy, precision, recall, ROC-AUC);
- on the committed split: GridSearchCV over Pipeline(StandardScaler, LogisticRegression(lbfgs))
  with C in {0.01, 0.1, 1, 10}, all 13 features, scored by ROC-AUC on the committed training folds
  (PredefinedSplit): every candidate's fold scores, the best C, its coefficients and its test
  accuracy / precision / recall / F1 / ROC-AUC / average precision / Brier score / calibration bins;
  kNN candidates (scaler in the pipeline) fold by fold; trees and forests (only roughly comparable:
  different random streams); the one-standard-error rule over the families' best; the out-of-fold
  ROC-AUC of the best logistic regression over all rows;
- the interpretation view: collinear pairs (|r| >= 0.8) from the TRAINING rows' correlations, the
  feature of each pair less correlated with churn left out; on the rest, statsmodels' unpenalised
  Logit with Wald 95% intervals (conf_int) — the odds ratios the model page shows;
- members with no visit this month by churn, and the cross-validated ROC-AUC of the chosen logistic
  regression with and without this month's visits (cross_val_score on the committed folds);
- the nine hypothesis tests (Welch t / Mann-Whitney U by the skewness rule, chi-square with Yates'
  correction on 2x2 tables), Holm-adjusted p-values;
- member groups: scikit-learn KMeans(n_init=100, the best of many restarts) on StandardScaler features for k = 2..8 (labels,
  inertia, group sizes and churn rates, silhouette), and scipy's Ward linkage of the same features:
  the merge heights that give each k, and the k whose step to k - 1 groups raises the merge height
  most among k whose KMeans groups all hold >= 5% of members.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from scipy.cluster.hierarchy import linkage
from sklearn.calibration import calibration_curve
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, f1_score, precision_score,
                             recall_score, roc_auc_score, silhouette_score)
from sklearn.model_selection import GridSearchCV, PredefinedSplit, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SHARED_DATASETS", "../shared/datasets")
split = json.load(open(os.path.join(HERE, "fitness-split.json")))

COLUMNS = {
    "gender": "gender", "nearLocation": "Near_Location", "partner": "Partner", "promoFriends": "Promo_friends",
    "phone": "Phone", "contractPeriod": "Contract_period", "groupVisits": "Group_visits", "age": "Age",
    "additionalCharges": "Avg_additional_charges_total", "monthsToEndOfContract": "Month_to_end_contract",
    "lifetime": "Lifetime", "classFrequencyTotal": "Avg_class_frequency_total",
    "classFrequencyCurrentMonth": "Avg_class_frequency_current_month",
}
FIELDS = list(COLUMNS)
gym = pd.read_csv(os.path.join(DATASETS, "fitness", "gym_churn_us.csv"))
gym = gym.iloc[[line - 2 for line in split["lines"]]].reset_index(drop=True)
X = gym[[COLUMNS[f] for f in FIELDS]].to_numpy(dtype=float)
y = gym["Churn"].to_numpy(dtype=int)
out = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "n": int(len(y)), "positives": int(y.sum()), "features": FIELDS}


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


def logistic(C=1.0):
    return make_pipeline(StandardScaler(), LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000))


def classification(y_true, p):
    pred = (p >= 0.5).astype(int)
    return {
        "auc": float(roc_auc_score(y_true, p)),
        "averagePrecision": float(average_precision_score(y_true, p)),
        "accuracy": float(accuracy_score(y_true, pred)),
        "precision": float(precision_score(y_true, pred)),
        "recall": float(recall_score(y_true, pred)),
        "f1": float(f1_score(y_true, pred)),
        "brier": float(np.mean((p - y_true) ** 2)),
    }


# --- Plain scikit-learn reference: its own stratified 20% split, default logistic regression ------
A_tr, A_te, b_tr, b_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
ref = make_pipeline(StandardScaler(), LogisticRegression()).fit(A_tr, b_tr)
out["reference"] = classification(b_te, ref.predict_proba(A_te)[:, 1])

# --- The committed split and folds -----------------------------------------------------------------
train = np.array(split["train"])
test = np.array(split["test"])
folds = np.array(split["folds"])
Xtr, ytr, Xte, yte = X[train], y[train], X[test], y[test]
cv = PredefinedSplit(folds)


def fold_scores(search, n_candidates):
    return [[float(search.cv_results_[f"split{k}_test_score"][c]) for k in range(5)] for c in range(n_candidates)]


grid = GridSearchCV(logistic(), {"logisticregression__C": [0.01, 0.1, 1, 10]}, scoring="roc_auc", cv=cv, refit=True).fit(Xtr, ytr)
candidates = [{"family": "logistic", "params": {"C": C}, "folds": f}
              for C, f in zip([0.01, 0.1, 1, 10], fold_scores(grid, 4))]
knn = GridSearchCV(make_pipeline(StandardScaler(), KNeighborsClassifier(weights="distance")), {"kneighborsclassifier__n_neighbors": [15, 35]},
                   scoring="roc_auc", cv=cv, refit=False).fit(Xtr, ytr)
candidates += [{"family": "knn", "params": {"k": k}, "folds": f} for k, f in zip([15, 35], fold_scores(knn, 2))]
tree = GridSearchCV(DecisionTreeClassifier(random_state=0), {"max_depth": [3, 5, 8], "min_samples_leaf": [10, 30]},
                    scoring="roc_auc", cv=cv, refit=False).fit(Xtr, ytr)
candidates += [{"family": "tree", "params": {"maxDepth": p["max_depth"], "minSamplesLeaf": p["min_samples_leaf"]}, "folds": f}
               for p, f in zip(tree.cv_results_["params"], fold_scores(tree, 6))]
forest = GridSearchCV(RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1), {"min_samples_leaf": [3, 10]},
                      scoring="roc_auc", cv=cv, refit=False).fit(Xtr, ytr)
candidates += [{"family": "forest", "params": {"maxDepth": None, "minSamplesLeaf": p["min_samples_leaf"]}, "folds": f}
               for p, f in zip(forest.cv_results_["params"], fold_scores(forest, 2))]
for c in candidates:
    c["mean"] = float(np.mean(c["folds"]))
    c["sd"] = float(np.std(c["folds"]))
out["candidates"] = candidates

# One-standard-error rule over each family's best, families simplest first.
order = ["logistic", "tree", "forest", "knn"]  # loaders/analysis/families.ts: most inspectable first
best_by_family = [max((c for c in candidates if c["family"] == fam), key=lambda c: c["mean"]) for fam in order]
top = max(best_by_family, key=lambda c: c["mean"])
se = top["sd"] / np.sqrt(5)
chosen = [c for c in best_by_family if c["mean"] >= top["mean"] - se][0]
out["chosen"] = {"family": chosen["family"], "params": chosen["params"]}

# --- The best logistic regression (GridSearchCV's refit on the training part) on the test part -----
C = grid.best_params_["logisticregression__C"]
best = grid.best_estimator_
p = best.predict_proba(Xte)[:, 1]
prob_true, prob_pred = calibration_curve(yte, p, n_bins=10, strategy="uniform")
out["logistic"] = {
    "C": C,
    "coef": fl(best[-1].coef_),
    "intercept": float(best[-1].intercept_[0]),
    **classification(yte, p),
    "calibrationObserved": fl(prob_true),
    "calibrationPredicted": fl(prob_pred),
}
all_folds = np.array(split["allFolds"])
oof = np.empty(len(y))
for k in range(5):
    tr, te = all_folds != k, all_folds == k
    oof[te] = logistic(C).fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
out["logistic"]["oofAuc"] = float(roc_auc_score(y, oof))

# --- Interpretation view: pruning from the training rows only, same C -------------------------------
corr = np.corrcoef(np.column_stack([Xtr, ytr]).T)
t = len(FIELDS)
pairs = sorted(((a, b, corr[a, b]) for a in range(t) for b in range(a + 1, t) if abs(corr[a, b]) >= 0.8), key=lambda q: -abs(q[2]))
gone = set()
for a, b, r in pairs:
    if a not in gone and b not in gone:
        gone.add(a if abs(corr[a, t]) < abs(corr[b, t]) else b)
keep = [j for j in range(t) if j not in gone]
out["interpretation"] = {"features": [FIELDS[j] for j in keep], "dropped": [FIELDS[j] for j in sorted(gone)]}

# --- Odds ratios: statsmodels' unpenalised Logit on the interpretation view, Wald 95% intervals ------
# Standardised with the training rows' mean and population sd (as StandardScaler does).
Xv = Xtr[:, keep]
Zv = (Xv - Xv.mean(axis=0)) / Xv.std(axis=0)
logit = sm.Logit(ytr, sm.add_constant(Zv)).fit(method="newton", maxiter=100, tol=1e-12, disp=0)
ci = logit.conf_int(alpha=0.05)
out["odds"] = {"features": [FIELDS[j] for j in keep], "converged": bool(logit.mle_retvals["converged"]),
               "coef": fl(logit.params[1:]), "lo": fl(ci[1:, 0]), "hi": fl(ci[1:, 1])}

# --- This month's visits: members with none, and the CV ROC-AUC without the feature (same folds) -----
current = X[:, FIELDS.index("classFrequencyCurrentMonth")]
out["lateWarning"] = {"zeroVisitChurners": int(((current == 0) & (y == 1)).sum()), "zeroVisitStayers": int(((current == 0) & (y == 0)).sum())}
folds = PredefinedSplit(np.array(split["folds"]))
without = [j for j, f in enumerate(FIELDS) if f != "classFrequencyCurrentMonth"]
cv_auc = lambda cols: float(np.mean(cross_val_score(logistic(C), Xtr[:, cols], ytr, cv=folds, scoring="roc_auc")))
out["withoutCurrentMonth"] = {"C": C, "with": cv_auc(list(range(len(FIELDS)))), "without": cv_auc(without)}

# --- Hypothesis tests --------------------------------------------------------------------------------
HYPOTHESES = [("classFrequencyCurrentMonth", "continuous"), ("classFrequencyTotal", "continuous"), ("lifetime", "continuous"),
              ("age", "continuous"), ("additionalCharges", "continuous"), ("contractPeriod", "categorical"),
              ("partner", "binary"), ("promoFriends", "binary"), ("groupVisits", "binary")]
tests = []
for field, kind in HYPOTHESES:
    v = gym[COLUMNS[field]]
    churned, stayed = v[gym["Churn"] == 1].to_numpy(float), v[gym["Churn"] == 0].to_numpy(float)
    if kind == "continuous":
        skews = [pd.Series(churned).skew(), pd.Series(stayed).skew()]
        if max(abs(s) for s in skews) > 1:
            r = stats.mannwhitneyu(churned, stayed, alternative="two-sided")
            tests.append({"field": field, "test": "Mann–Whitney U test", "statistic": float(r.statistic), "p": float(r.pvalue)})
        else:
            r = stats.ttest_ind(churned, stayed, equal_var=False)
            tests.append({"field": field, "test": "Welch t-test", "statistic": float(r.statistic), "p": float(r.pvalue)})
    else:
        table = pd.crosstab(gym["Churn"], v).to_numpy()
        chi2, pv, dof, _ = stats.chi2_contingency(table, correction=True)
        tests.append({"field": field, "test": "chi-square", "statistic": float(chi2), "p": float(pv), "df": int(dof)})
m = len(tests)
order_p = np.argsort([t["p"] for t in tests], kind="stable")
running = 0.0
for i, k in enumerate(order_p):
    running = max(running, min(1.0, (m - i) * tests[k]["p"]))
    tests[k]["pHolm"] = running
out["tests"] = tests

# --- Member groups: KMeans for every k; k read off scipy's Ward tree ------------------------------
Z = StandardScaler().fit_transform(X)
groups = []
for k in range(2, 9):
    km = KMeans(n_clusters=k, n_init=100, random_state=0).fit(Z)
    labels = km.labels_
    sizes = np.bincount(labels, minlength=k)
    rates = np.array([y[labels == c].mean() for c in range(k)])
    groups.append({"k": k, "labels": [int(v) for v in labels], "inertia": float(km.inertia_), "silhouette": float(silhouette_score(Z, labels)),
                   "shares": fl(np.sort(sizes / len(y))), "churnRates": fl(np.sort(rates))})
out["groups"] = groups
L = linkage(Z, method="ward")
n = len(y)
bands = []
for g in groups:
    k = g["k"]
    lo, hi = float(L[n - k - 1, 2]), float(L[n - k, 2])
    bands.append({"k": k, "lo": lo, "hi": hi, "rise": hi / lo - 1, "sizeable": bool(min(g["shares"]) >= 0.05)})
out["bands"] = bands
out["chosenK"] = max((b for b in bands if b["sizeable"]), key=lambda b: (b["rise"], -b["k"]))["k"]

json.dump(out, open(os.path.join(HERE, "fitness.json"), "w"))
chosen_group = next(g for g in groups if g["k"] == out["chosenK"])
print("wrote tests/golden/fitness.json:", out["chosen"], "C", C, "test accuracy", round(out["logistic"]["accuracy"], 4), "AUC", round(out["logistic"]["auc"], 4),
      "| reference accuracy", round(out["reference"]["accuracy"], 4), "AUC", round(out["reference"]["auc"], 4),
      "| k", out["chosenK"], "churn", [round(r, 3) for r in chosen_group["churnRates"]])
