"""Companion of scripts/bench-models.ts: times scikit-learn on the data the TypeScript side
generated and prints a JSON object on stdout.
Usage: bench-models.py logistic <X.f64> <y.f64> <n> <d>
       bench-models.py forest   <X.f64> <y.f64> <n> <d> <nTrain> <trees> <seed>"""
import json
import sys
import time

import numpy as np
import sklearn

task, xpath, ypath, n, d = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(xpath, dtype="<f8").reshape(n, d)
y = np.fromfile(ypath, dtype="<f8").astype(int)
out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}}

if task == "logistic":
    from sklearn.linear_model import LogisticRegression
    LogisticRegression().fit(X[:2000], y[:2000])  # warm-up: lazy imports, first-call costs
    t, c = time.perf_counter(), time.process_time()
    lb = LogisticRegression(C=1.0).fit(X, y)  # scikit-learn's defaults: lbfgs, tol 1e-4
    out["lbfgs"] = {"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "nIter": int(lb.n_iter_[0]),
                    "coef": lb.coef_[0].tolist(), "intercept": float(lb.intercept_[0])}
    t = time.perf_counter()
    nc = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-10, max_iter=100).fit(X, y)
    out["newtonCholesky"] = {"seconds": time.perf_counter() - t, "nIter": int(nc.n_iter_[0]),
                             "coef": nc.coef_[0].tolist(), "intercept": float(nc.intercept_[0])}
else:
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import roc_auc_score
    n_train, trees, seed = int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
    t, c = time.perf_counter(), time.process_time()
    rf = RandomForestClassifier(n_estimators=trees, random_state=seed, n_jobs=1).fit(X[:n_train], y[:n_train])
    fit, fit_cpu = time.perf_counter() - t, time.process_time() - c
    t = time.perf_counter()
    p = rf.predict_proba(X[n_train:])[:, 1]
    out["forest"] = {"seconds": fit, "cpu": fit_cpu, "predictSeconds": time.perf_counter() - t, "auc": float(roc_auc_score(y[n_train:], p))}
print(json.dumps(out))
