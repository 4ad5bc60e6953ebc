"""Golden values for tests/models/bgnbd.test.ts: the BG/NBD likelihood (Fader, Hardie & Lee 2005, eq. 6) and
the Gamma-Gamma likelihood (Fader, Hardie & Lee 2005, "RFM and CLV"), written here from the papers with
scipy.special (gammaln, betaln, hyp2f1) and maximised with scipy.optimize (Nelder-Mead over the log
parameters, then polished by BFGS on numerical gradients) — independent of loaders/models/bgnbd.ts,
gamma-gamma.ts and their BFGS. Predictions: P(alive) (eq. 12), E[Y(t) | x, tx, T] (eq. 10), E[X(t)] (eq. 9)
and the Gamma-Gamma conditional mean value.

Data:
  small  400 customers drawn here (numpy, seeded) from a BG/NBD with T in weeks, and their purchase values;
  real   tests/golden/bgnbd-real-summary.json: the real order log's calibration summary (x, tx, T in days,
         customers per distinct history; repeat customers' purchase counts and mean values), written by
         tests/golden/bgnbd-real-summary.ts from ../shared/datasets.
Run with Debian's python3 (python3-scipy, python3-numpy) from the project root:

    /usr/bin/python3 tests/golden/bgnbd.py   # writes tests/golden/bgnbd.json
"""
import json, os
import numpy as np
import scipy
from scipy import optimize
from scipy.special import gammaln, betaln, hyp2f1, logsumexp

HERE = os.path.dirname(os.path.abspath(__file__))


def bgnbd_ll(params, x, tx, T, w):
    r, alpha, a, b = params
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.where(x > 0, b + (x - 1), 1.0)) - (r + x) * np.log(alpha + tx), -np.inf)
    return float(np.sum(w * (a1 + a2 + logsumexp(np.vstack([a3, a4]), axis=0))))


def fit(negll, start):
    first = optimize.minimize(negll, start, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
    polished = optimize.minimize(negll, first.x, method="BFGS", options={"gtol": 1e-9})
    best = polished if polished.fun <= first.fun else first
    return np.exp(best.x), -best.fun


def fit_bgnbd(x, tx, T, w):
    n = w.sum()
    start = np.log([1.0, float((w * T).sum() / (w * x).sum()), 1.0, 3.0])
    params, ll = fit(lambda th: -bgnbd_ll(np.exp(th), x, tx, T, w) / n, start)
    return params, ll * n


def p_alive(params, x, tx, T):
    r, alpha, a, b = params
    if x == 0:
        return 1.0
    return 1.0 / (1.0 + a / (b + (x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x))


def expected_conditional(params, t, x, tx, T):
    r, alpha, a, b = params
    z = t / (alpha + T + t)
    head = (a + b + (x - 1)) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + (x - 1), z))
    return float(head * p_alive(params, x, tx, T))


def expected_new(params, t):
    r, alpha, a, b = params
    return float((a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t))))


def gg_ll(params, x, m):
    p, q, g = params
    return float(np.sum(gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(g) + p * x * np.log(x) + (p * x - 1) * np.log(m) - (p * x + q) * np.log(g + x * m)))


def fit_gg(x, m):
    n = len(x)
    params, ll = fit(lambda th: -gg_ll(np.exp(th), x, m) / n, np.log([1.0, 2.0, float(m.mean())]))
    return params, ll * n


def gg_mean(params, x, m):
    p, q, g = params
    return float(p * (g + x * m) / (p * x + q - 1))


def bgnbd_block(x, tx, T, w, probes, t):
    params, ll = fit_bgnbd(x, tx, T, w)
    return {"params": dict(zip(["r", "alpha", "a", "b"], params.tolist())), "logLikelihood": ll,
            "probes": [{"x": px, "tx": ptx, "T": pT, "pAlive": p_alive(params, px, ptx, pT), "expected": expected_conditional(params, t, px, ptx, pT)} for px, ptx, pT in probes],
            "t": t, "expectedNew": expected_new(params, t)}


def gg_block(x, m, probes):
    params, ll = fit_gg(x, m)
    return {"params": dict(zip(["p", "q", "gamma"], params.tolist())), "logLikelihood": ll,
            "probes": [{"x": px, "mean": pm, "expected": gg_mean(params, px, pm)} for px, pm in probes]}


# Small data: BG/NBD customers with T of 20–52 weeks; per purchase values Gamma(p, nu), nu ~ Gamma(q, gamma).
rng = np.random.default_rng(20261206)
n = 400
T = rng.integers(20, 53, size=n).astype(float)
lam = rng.gamma(0.6, 1 / 3.0, size=n)
drop = rng.beta(0.9, 2.0, size=n)
x = np.zeros(n); tx = np.zeros(n)
for i in range(n):
    t = 0.0
    while True:
        t += rng.exponential(1 / lam[i])
        if t > T[i]:
            break
        x[i] += 1; tx[i] = t
        if rng.random() < drop[i]:
            break
tx = np.round(tx, 6)
nu = rng.gamma(3.0, 1 / 50.0, size=n)
rep = x > 0
mean_value = np.array([rng.gamma(4.0, 1 / nu[i], size=int(x[i])).mean() if x[i] > 0 else 0.0 for i in range(n)])
mean_value = np.round(mean_value, 6)
w = np.ones(n)
small_probes = [(0, 0.0, 30.0), (1, 5.0, 40.0), (3, 35.0, 40.0), (3, 10.0, 40.0), (8, 30.5, 52.0)]
out = {"source": "scipy " + scipy.__version__,
       "small": {"x": x.tolist(), "tx": tx.tolist(), "T": T.tolist(),
                 "bgnbd": bgnbd_block(x, tx, T, w, small_probes, 26.0),
                 "spend": {"x": x[rep].tolist(), "mean": mean_value[rep].tolist()},
                 "gammaGamma": gg_block(x[rep], mean_value[rep], [(1, 100.0), (4, 250.0), (10, 60.0)])}}

real_path = os.path.join(HERE, "bgnbd-real-summary.json")
if os.path.exists(real_path):
    real = json.load(open(real_path))
    h = real["histories"]
    rx, rtx, rT, rw = (np.array(h[k], dtype=float) for k in ("x", "tx", "T", "weight"))
    s = real["spend"]
    out["real"] = {"bgnbd": bgnbd_block(rx, rtx, rT, rw, [(0, 0.0, 200.0), (1, 30.0, 300.0), (2, 150.0, 300.0)], 30.4375),
                   "gammaGamma": gg_block(np.array(s["x"], dtype=float), np.array(s["mean"], dtype=float), [(1, 1000.0), (2, 3000.0)])}

with open(os.path.join(HERE, "bgnbd.json"), "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps({k: v for k, v in out["small"].items() if k in ("bgnbd", "gammaGamma")}, indent=1)[:3000])
