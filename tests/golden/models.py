"""Golden values for tests/models/*.test.ts, computed with scikit-learn.

Run with Debian's python3 (scikit-learn, scipy, pandas), from /work/main:
    /usr/bin/python3 tests/golden/models.py [path/to/shared/datasets]
Writes tests/golden/models.json. The product has no Python dependency; only this script does.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score,
                             precision_recall_curve, precision_score, recall_score, roc_auc_score,
                             roc_curve)
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, OrdinalEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SHARED_DATASETS", "../shared/datasets")
out = {"sklearn": sklearn.__version__, "numpy": np.__version__}


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


def tight_logistic(X, y, C):
    """lbfgs with a tight tolerance, and newton-cholesky as the converged reference.

    scikit-learn 1.2 runs lbfgs with a hard-coded ftol = 64·eps, so on ill-conditioned data (the
    fitness table has strongly correlated columns) it stops on the relative objective change before
    `tol` is met: there its coefficients sit up to ~1e-4 from the optimum. newton-cholesky reaches
    a gradient of ~1e-13. Both are recorded, with each one's gradient at its solution.
    """
    lb = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000).fit(X, y)
    nc = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-14, max_iter=1000).fit(X, y)

    def max_grad(m):
        w, b = m.coef_[0], m.intercept_[0]
        r = 1 / (1 + np.exp(-(X @ w + b))) - y
        return float(np.max(np.abs(np.r_[w + C * X.T @ r, C * r.sum()])))

    gap = float(max(np.max(np.abs(lb.coef_ - nc.coef_)), np.max(np.abs(lb.intercept_ - nc.intercept_))))
    return {
        "C": C,
        "coef": fl(lb.coef_),
        "intercept": float(lb.intercept_[0]),
        "proba": fl(lb.predict_proba(X)[:, 1]),
        "lbfgsMaxGrad": max_grad(lb),
        "newtonCoef": fl(nc.coef_),
        "newtonIntercept": float(nc.intercept_[0]),
        "newtonProba": fl(nc.predict_proba(X)[:, 1]),
        "newtonMaxGrad": max_grad(nc),
        "solverGap": gap,
    }


# --- Logistic regression on the real fitness table (standardised features, target Churn) -----
gym = pd.read_csv(os.path.join(DATASETS, "fitness", "gym_churn_us.csv"))
features = [c for c in gym.columns if c != "Churn"]
Xg = gym[features].to_numpy(dtype=float)
yg = gym["Churn"].to_numpy(dtype=int)
scaler = StandardScaler().fit(Xg)
Zg = scaler.transform(Xg)
out["fitness"] = {
    "features": features,
    "n": int(len(yg)),
    "positives": int(yg.sum()),
    "scalerMean": fl(scaler.mean_),
    "scalerScale": fl(scaler.scale_),
    "logistic": [tight_logistic(Zg, yg, C) for C in (1.0, 0.05)],
}
mm = MinMaxScaler().fit(Xg)
out["fitness"]["minMax"] = {"min": fl(mm.data_min_), "max": fl(mm.data_max_), "row0": fl(mm.transform(Xg[:1]))}

# StratifiedKFold on the fitness target: unshuffled folds are reproducible exactly.
skf = StratifiedKFold(n_splits=5, shuffle=False)
folds = np.empty(len(yg), dtype=int)
for f, (_, test) in enumerate(skf.split(Xg, yg)):
    folds[test] = f
out["fitness"]["kfold5"] = [int(v) for v in folds]
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
out["fitness"]["kfold5ShuffledCounts"] = [
    [int((yg[test] == 0).sum()), int((yg[test] == 1).sum())] for _, test in skf.split(Xg, yg)
]
_, _, ytr, yte = train_test_split(Xg, yg, test_size=0.25, stratify=yg, random_state=0)
out["fitness"]["trainTestCounts"] = {"test": [int((yte == 0).sum()), int((yte == 1).sum())],
                                    "train": [int((ytr == 0).sum()), int((ytr == 1).sum())]}

# Four families on one split (test = fold 0 of the unshuffled StratifiedKFold, which the TS
# code reproduces exactly): test ROC-AUC of each, for quality comparisons.
test = folds == 0
train = ~test
sc = StandardScaler().fit(Xg[train])
Ztr, Zte = sc.transform(Xg[train]), sc.transform(Xg[test])
rf_aucs = []
for seed in range(5):
    rf = RandomForestClassifier(n_estimators=200, random_state=seed, n_jobs=1).fit(Xg[train], yg[train])
    rf_aucs.append(float(roc_auc_score(yg[test], rf.predict_proba(Xg[test])[:, 1])))
lr = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(Ztr, yg[train])
knn = KNeighborsClassifier(n_neighbors=25).fit(Ztr, yg[train])
knnd = KNeighborsClassifier(n_neighbors=25, weights="distance").fit(Ztr, yg[train])
dt = DecisionTreeClassifier(max_depth=5, random_state=0).fit(Xg[train], yg[train])
out["fitness"]["holdout"] = {
    "forestAuc": rf_aucs,
    "forestImportanceTop3": [features[i] for i in np.argsort(-rf.feature_importances_)[:3]],
    "logisticAuc": float(roc_auc_score(yg[test], lr.predict_proba(Zte)[:, 1])),
    "knnAuc": float(roc_auc_score(yg[test], knn.predict_proba(Zte)[:, 1])),
    "knnDistanceAuc": float(roc_auc_score(yg[test], knnd.predict_proba(Zte)[:, 1])),
    "treeAuc": float(roc_auc_score(yg[test], dt.predict_proba(Xg[test])[:, 1])),
}

# Grid search by ROC-AUC on the unshuffled stratified 5-fold (reproducible fold for fold), and
# out-of-fold probabilities (cross_val_predict) for the chosen C.
from sklearn.model_selection import GridSearchCV, cross_val_predict  # noqa: E402

cv5 = StratifiedKFold(n_splits=5, shuffle=False)
gs = GridSearchCV(LogisticRegression(solver="newton-cholesky", tol=1e-12, max_iter=1000), {"C": [0.01, 0.1, 1.0]},
                  scoring="roc_auc", cv=cv5).fit(Zg, yg)
gt = GridSearchCV(DecisionTreeClassifier(random_state=0), {"max_depth": [3, 5]}, scoring="roc_auc", cv=cv5).fit(Xg, yg)
oof = cross_val_predict(LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000), Zg, yg,
                        cv=cv5, method="predict_proba")[:, 1]
out["fitness"]["gridSearch"] = {
    "logistic": {"C": [0.01, 0.1, 1.0], "mean": fl(gs.cv_results_["mean_test_score"]),
                 "std": fl(gs.cv_results_["std_test_score"]),
                 "split0": fl(gs.cv_results_["split0_test_score"])},
    "tree": {"maxDepth": [3, 5], "mean": fl(gt.cv_results_["mean_test_score"]), "std": fl(gt.cv_results_["std_test_score"])},
    "oofLogisticC1": fl(oof),
}

# --- Logistic regression on a small synthetic set -------------------------------------------
rng = np.random.default_rng(7)
Xs = rng.normal(size=(200, 3)) * [1.0, 2.0, 0.5] + [0.0, 1.0, -1.0]
ys = (rng.random(200) < 1 / (1 + np.exp(-(0.5 + Xs @ [1.5, -0.7, 2.0])))).astype(int)
out["synthetic"] = {"X": [fl(r) for r in Xs], "y": [int(v) for v in ys],
                    "logistic": [tight_logistic(Xs, ys, C) for C in (1.0, 0.1, 1e4)]}

# --- Ranking and threshold metrics on fixed vectors (with ties) -----------------------------
rng = np.random.default_rng(11)
yr = (rng.random(60) < 0.4).astype(int)
score = np.round(np.clip(0.35 * yr + rng.normal(0.35, 0.2, 60), 0, 1), 1)  # rounded: many ties
prob = np.clip(0.3 * yr + rng.uniform(0, 0.7, 60), 0, 1)  # continuous
fpr, tpr, thr = roc_curve(yr, score)
prec, rec, pthr = precision_recall_curve(yr, score)
ranking = {
    "y": [int(v) for v in yr], "score": fl(score), "prob": fl(prob),
    "aucScore": float(roc_auc_score(yr, score)), "aucProb": float(roc_auc_score(yr, prob)),
    "roc": {"fpr": fl(fpr), "tpr": fl(tpr), "thresholds": fl(thr)},
    "pr": {"precision": fl(prec), "recall": fl(rec), "thresholds": fl(pthr)},
    "apScore": float(average_precision_score(yr, score)), "apProb": float(average_precision_score(yr, prob)),
    "thresholds": {},
}
for t in (0.5, 0.3, 0.8):
    yp = (prob >= t).astype(int)
    tn, fp, fn, tp = confusion_matrix(yr, yp).ravel()
    ranking["thresholds"][str(t)] = {
        "tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp),
        "accuracy": float(accuracy_score(yr, yp)), "precision": float(precision_score(yr, yp, zero_division=0)),
        "recall": float(recall_score(yr, yp)), "f1": float(f1_score(yr, yp, zero_division=0)),
    }
ranking["calibration"] = {}
for strategy in ("uniform", "quantile"):
    for bins in (5, 10):
        pt, pp = calibration_curve(yr, prob, n_bins=bins, strategy=strategy)
        ranking["calibration"][f"{strategy}{bins}"] = {"probTrue": fl(pt), "probPred": fl(pp)}
ranking["percentile"] = {"values": fl(prob[:23]), "q": [2.5, 50, 97.5], "p": fl(np.percentile(prob[:23], [2.5, 50, 97.5]))}
out["ranking"] = ranking

# --- A decision tree whose splits are unambiguous -------------------------------------------
rng = np.random.default_rng(3)
Xt = rng.integers(0, 10, size=(300, 3)).astype(float)
Xt[:, 2] = rng.normal(size=300)  # an irrelevant continuous feature
yt = ((Xt[:, 0] >= 6) | ((Xt[:, 1] <= 2) & (Xt[:, 0] >= 2))).astype(int)
flip = rng.random(300) < 0.08  # some noise so leaves are impure
yt = np.where(flip, 1 - yt, yt)
trees = []
for depth in (1, 2, 3):
    t = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(Xt, yt)
    tr = t.tree_
    trees.append({
        "maxDepth": depth,
        "feature": [int(v) for v in tr.feature], "threshold": fl(tr.threshold),
        "nNodeSamples": [int(v) for v in tr.n_node_samples],
        "impurity": fl(tr.impurity),
        "proba": fl(t.predict_proba(Xt)[:, 1]),
        "importance": fl(t.feature_importances_),
    })
t = DecisionTreeClassifier(max_depth=3, min_samples_leaf=20, random_state=0).fit(Xt, yt)
trees.append({"maxDepth": 3, "minSamplesLeaf": 20, "feature": [int(v) for v in t.tree_.feature],
              "threshold": fl(t.tree_.threshold), "nNodeSamples": [int(v) for v in t.tree_.n_node_samples],
              "impurity": fl(t.tree_.impurity), "proba": fl(t.predict_proba(Xt)[:, 1]),
              "importance": fl(t.feature_importances_)})
out["tree"] = {"X": [fl(r) for r in Xt], "y": [int(v) for v in yt], "fits": trees}

# --- k-nearest neighbours on continuous data (no distance ties) -----------------------------
rng = np.random.default_rng(5)
Xk = rng.normal(size=(300, 4))
yk = (Xk[:, 0] + 0.5 * Xk[:, 1] + rng.normal(0, 0.7, 300) > 0).astype(int)
Qk = rng.normal(size=(60, 4))
knn_out = {"X": [fl(r) for r in Xk], "y": [int(v) for v in yk], "query": [fl(r) for r in Qk], "fits": []}
for k in (1, 7, 15):
    for weights in ("uniform", "distance"):
        m = KNeighborsClassifier(n_neighbors=k, weights=weights).fit(Xk, yk)
        knn_out["fits"].append({"k": k, "weights": weights, "proba": fl(m.predict_proba(Qk)[:, 1])})
out["knn"] = knn_out

# --- Encoders ---------------------------------------------------------------------------------
cats = np.array([["b", "x"], ["a", "y"], ["c", "x"], ["a", "z"], ["b", "y"]], dtype=object)
oh = OneHotEncoder(handle_unknown="ignore").fit(cats)
oe = OrdinalEncoder().fit(cats)
out["encoders"] = {"rows": cats.tolist(), "categories": [list(map(str, c)) for c in oh.categories_],
                   "oneHot": oh.transform([["c", "y"], ["d", "x"]]).toarray().tolist(),
                   "ordinal": oe.transform(cats).tolist(),
                   "featureNames": list(map(str, oh.get_feature_names_out(["letter", "tail"])))}

with open(os.path.join(HERE, "models.json"), "w") as fh:
    json.dump(out, fh, indent=None, separators=(",", ":"))
print("wrote", os.path.join(HERE, "models.json"), file=sys.stderr)
