"""Golden values for tests/cases/fitness.test.ts: scikit-learn / scipy on the real fitness export,
on the same split and folds as the report (tests/golden/fitness-split.json, written by
tests/golden/fitness-split.ts from the TypeScript split with seed 42).

Run with Debian's python3 (scikit-learn, scipy, pandas) from /work/main:
    npx tsx tests/golden/fitness-split.ts [path/to/shared/datasets]
    /usr/bin/python3 tests/golden/fitness.py [path/to/shared/datasets]
Writes tests/golden/fitness.json. The product has no Python dependency; only this script does.

What it reproduces, independently of the TypeScript code:
- collinear pairs (|r| >= 0.8) and which feature of each is left out (the one less correlated
  with churn);
- the cross-validated ROC-AUC of every logistic regression and kNN candidate on the training
  folds (scaler fitted on each training fold), tree and forest candidates (these only roughly:
  scikit-learn's random feature order and bootstrap draws differ), the one-standard-error choice;
- the chosen logistic model refitted on the training part: coefficients, test ROC-AUC, average
  precision, accuracy/precision/recall/F1 at 0.5, Brier score, calibration bins; out-of-fold
  ROC-AUC over all rows;
- the nine hypothesis tests (Welch t / Mann-Whitney U by the skewness rule, chi-square with
  Yates' correction on 2x2 tables), Holm-adjusted p-values;
- Ward clustering of the standardised features: labels for k = 2..8 (fcluster maxclust),
  within-cluster sums of squares, silhouettes, and the k with the best silhouette.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
import scipy
from scipy import stats
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.calibration import calibration_curve
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, f1_score, precision_score,
                             recall_score, roc_auc_score, silhouette_score)
from sklearn.neighbors import KNeighborsClassifier
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
X_all = gym[[COLUMNS[f] for f in FIELDS]].to_numpy(dtype=float)
y = gym["Churn"].to_numpy(dtype=int)
out = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "n": int(len(y)), "positives": int(y.sum())}


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


# --- Collinear pairs and the features kept -------------------------------------------------
corr = np.corrcoef(np.column_stack([X_all, y]).T)
t = len(FIELDS)
pairs = [(a, b, corr[a, b]) for a in range(t) for b in range(a + 1, t) if abs(corr[a, b]) >= 0.8]
pairs.sort(key=lambda p: -abs(p[2]))
gone = set()
for a, b, r in pairs:
    if a in gone or b in gone:
        continue
    gone.add(a if abs(corr[a, t]) < abs(corr[b, t]) else b)
keep = [j for j in range(t) if j not in gone]
out["collinear"] = [{"a": FIELDS[a], "b": FIELDS[b], "r": float(r)} for a, b, r in pairs]
out["dropped"] = [FIELDS[j] for j in sorted(gone)]
out["kept"] = [FIELDS[j] for j in keep]
out["targetCorrelations"] = {FIELDS[j]: float(corr[j, t]) for j in range(t)}
X = X_all[:, keep]

train = np.array(split["train"])
test = np.array(split["test"])
folds = np.array(split["folds"])
Xtr, ytr, Xte, yte = X[train], y[train], X[test], y[test]


def tight_logistic(C):
    return LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000)


def scaled(make):
    """Fit a StandardScaler on the training rows only, like the report's pipeline."""
    class Model:
        def fit(self, A, b):
            self.s = StandardScaler().fit(A)
            self.m = make().fit(self.s.transform(A), b)
            return self

        def predict_proba(self, A):
            return self.m.predict_proba(self.s.transform(A))
    return Model


def cv_scores(make, A, b, f):
    scores = []
    for k in range(5):
        tr, te = f != k, f == k
        m = make().fit(A[tr], b[tr])
        scores.append(float(roc_auc_score(b[te], m.predict_proba(A[te])[:, 1])))
    return scores


# --- Candidates on the training folds --------------------------------------------------------
candidates = []
for C in [0.01, 0.1, 1, 10]:
    candidates.append({"family": "logistic", "params": {"C": C}, "folds": cv_scores(scaled(lambda C=C: tight_logistic(C)), Xtr, ytr, folds)})
for k in [15, 35]:
    candidates.append({"family": "knn", "params": {"k": k}, "folds": cv_scores(scaled(lambda k=k: KNeighborsClassifier(n_neighbors=k, weights="distance")), Xtr, ytr, folds)})
for depth in [3, 5, 8]:
    for leaf in [10, 30]:
        candidates.append({"family": "tree", "params": {"maxDepth": depth, "minSamplesLeaf": leaf},
                           "folds": cv_scores(lambda d=depth, l=leaf: DecisionTreeClassifier(max_depth=d, min_samples_leaf=l, random_state=0), Xtr, ytr, folds)})
for leaf in [3, 10]:
    candidates.append({"family": "forest", "params": {"maxDepth": None, "minSamplesLeaf": leaf},
                       "folds": cv_scores(lambda l=leaf: RandomForestClassifier(n_estimators=100, min_samples_leaf=l, random_state=0, n_jobs=1), Xtr, ytr, folds)})
for c in candidates:
    c["mean"] = float(np.mean(c["folds"]))
    c["sd"] = float(np.std(c["folds"]))
out["candidates"] = candidates

# One-standard-error rule over each family's best, families simplest first.
order = ["logistic", "knn", "tree", "forest"]
best_by_family = []
for fam in order:
    fam_c = [c for c in candidates if c["family"] == fam]
    best_by_family.append(max(fam_c, key=lambda c: c["mean"]))
top = max(best_by_family, key=lambda c: c["mean"])
se = top["sd"] / np.sqrt(5)
chosen = [c for c in best_by_family if c["mean"] >= top["mean"] - se][0]
out["chosen"] = {"family": chosen["family"], "params": chosen["params"]}

# --- The chosen model (must be logistic for the exact comparison below) ----------------------
assert chosen["family"] == "logistic", "the reference reproduces a logistic choice exactly"
C = chosen["params"]["C"]
scaler = StandardScaler().fit(Xtr)
lr = tight_logistic(C).fit(scaler.transform(Xtr), ytr)
p = lr.predict_proba(scaler.transform(Xte))[:, 1]
pred = (p >= 0.5).astype(int)
prob_true, prob_pred = calibration_curve(yte, p, n_bins=10, strategy="uniform")
out["test"] = {
    "C": C,
    "coef": fl(lr.coef_),
    "intercept": float(lr.intercept_[0]),
    "auc": float(roc_auc_score(yte, p)),
    "averagePrecision": float(average_precision_score(yte, p)),
    "accuracy": float(accuracy_score(yte, pred)),
    "precision": float(precision_score(yte, pred)),
    "recall": float(recall_score(yte, pred)),
    "f1": float(f1_score(yte, pred)),
    "brier": float(np.mean((p - yte) ** 2)),
    "calibrationObserved": fl(prob_true),
    "calibrationPredicted": fl(prob_pred),
}
all_folds = np.array(split["allFolds"])
oof = np.empty(len(y))
for k in range(5):
    tr, te = all_folds != k, all_folds == k
    s = StandardScaler().fit(X[tr])
    oof[te] = tight_logistic(C).fit(s.transform(X[tr]), y[tr]).predict_proba(s.transform(X[te]))[:, 1]
out["oofAuc"] = float(roc_auc_score(y, oof))

# --- Hypothesis tests --------------------------------------------------------------------------
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

# --- Ward clustering ---------------------------------------------------------------------------
Z = StandardScaler().fit_transform(X_all)
L = linkage(Z, method="ward")
clusters = []
for k in range(2, 9):
    labels = fcluster(L, k, criterion="maxclust")
    wss = sum(float(((Z[labels == c] - Z[labels == c].mean(axis=0)) ** 2).sum()) for c in np.unique(labels))
    clusters.append({"k": k, "labels": [int(v) for v in labels], "inertia": wss, "silhouette": float(silhouette_score(Z, labels))})
out["clusters"] = clusters
out["chosenK"] = max(clusters, key=lambda c: (c["silhouette"], -c["k"]))["k"]

json.dump(out, open(os.path.join(HERE, "fitness.json"), "w"))
print("wrote tests/golden/fitness.json:", out["chosen"], "test AUC", round(out["test"]["auc"], 4), "k", out["chosenK"])
