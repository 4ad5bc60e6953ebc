"""Companion of scripts/bench-models.ts: times scikit-learn on the data the TypeScript side
generated and prints a JSON object on stdout (wall seconds, CPU seconds of the process over all
threads, and the results to compare).
Usage: bench-models.py logistic <X.f64> <y.f64> <n> <d> <threads>
       bench-models.py forest   <X.f64> <y.f64> <n> <d> <nTrain> <trees> <seed> <threads>
Threads are limited with threadpoolctl (BLAS and OpenMP); the caller also sets OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS. The forest uses n_jobs=1 (one tree at a time, as ours)."""
import json
import sys
import time

import numpy as np
import sklearn
from threadpoolctl import threadpool_limits

task, xpath, ypath, n, d = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
threads = int(sys.argv[-1])
X = np.fromfile(xpath, dtype="<f8").reshape(n, d)
y = np.fromfile(ypath, dtype="<f8").astype(int)
out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}, "threads": threads}


def timed(fit):
    t, c = time.perf_counter(), time.process_time()
    model = fit()
    return model, {"seconds": time.perf_counter() - t, "cpu": time.process_time() - c}


with threadpool_limits(limits=threads):
    if task == "logistic":
        from sklearn.linear_model import LogisticRegression
        LogisticRegression().fit(X[:2000], y[:2000])  # warm-up: lazy imports, first-call costs
        lb, out["lbfgs"] = timed(lambda: LogisticRegression(C=1.0).fit(X, y))  # defaults: lbfgs, tol 1e-4
        out["lbfgs"].update(nIter=int(lb.n_iter_[0]), coef=lb.coef_[0].tolist(), intercept=float(lb.intercept_[0]))
        nc, out["newtonCholesky"] = timed(lambda: LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-10, max_iter=100).fit(X, y))
        out["newtonCholesky"].update(nIter=int(nc.n_iter_[0]), coef=nc.coef_[0].tolist(), intercept=float(nc.intercept_[0]))
    else:
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.metrics import roc_auc_score
        n_train, trees, seed = int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
        RandomForestClassifier(n_estimators=2, random_state=0).fit(X[:200], y[:200])  # warm-up
        rf, out["forest"] = timed(lambda: RandomForestClassifier(n_estimators=trees, random_state=seed, n_jobs=1).fit(X[:n_train], y[:n_train]))
        out["forest"]["auc"] = float(roc_auc_score(y[n_train:], rf.predict_proba(X[n_train:])[:, 1]))
print(json.dumps(out))
