"""Companion of scripts/bench-bgnbd.ts: fits the BG/NBD likelihood (Fader, Hardie & Lee 2005, eq. 6) with scipy on the
histories the TypeScript side simulated and prints a JSON object on stdout.
Usage: /usr/bin/python3 scripts/bench-bgnbd.py <dir with x.f64 tx.f64 T.f64> <n>"""
import json
import sys
import time

import numpy as np
import scipy
from scipy import optimize
from scipy.special import gammaln, logsumexp

folder, n = sys.argv[1], int(sys.argv[2])
x, tx, T = (np.fromfile(f"{folder}/{k}.f64", dtype="<f8") for k in ("x", "tx", "T"))

wall, cpu = time.perf_counter(), time.process_time()
histories, counts = np.unique(np.column_stack([x, tx, T]), axis=0, return_counts=True)
gx, gtx, gT, w = histories[:, 0], histories[:, 1], histories[:, 2], counts.astype(float)
grouped = time.perf_counter()


def negll(theta):
    r, alpha, a, b = np.exp(theta)
    a1 = gammaln(r + gx) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + gx) - gammaln(b) - gammaln(a + b + gx)
    a3 = -(r + gx) * np.log(alpha + gT)
    a4 = np.where(gx > 0, np.log(a) - np.log(np.where(gx > 0, b + (gx - 1), 1.0)) - (r + gx) * np.log(alpha + gtx), -np.inf)
    return -float(np.sum(w * (a1 + a2 + logsumexp(np.vstack([a3, a4]), axis=0)))) / n


start = np.log([1.0, float((w * gT).sum() / (w * gx).sum()), 1.0, 3.0])
res = optimize.minimize(negll, start, method="L-BFGS-B")
done = time.perf_counter()
print(json.dumps({"version": "scipy " + scipy.__version__, "groupSeconds": grouped - wall, "fitSeconds": done - grouped, "wallSeconds": done - wall,
                  "cpuSeconds": time.process_time() - cpu, "groups": int(len(w)), "iterations": int(res.nit), "evaluations": int(res.nfev),
                  "params": dict(zip(["r", "alpha", "a", "b"], np.exp(res.x).tolist())), "logLikelihood": -res.fun * n, "message": str(res.message)}))
