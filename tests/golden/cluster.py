"""Golden values for tests/cluster: scipy.cluster.hierarchy and scikit-learn on fixed inputs and
on the standardised real fitness table. Run with Debian's python3 from /work/main:

    /usr/bin/python3 tests/golden/cluster.py   # writes tests/golden/cluster.json
"""
import json, os
import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import linkage, fcluster, dendrogram
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_score, adjusted_rand_score
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.abspath(os.environ.get("SHARED_DATASETS", os.path.join(HERE, "../../../shared/datasets")))
out = {"source": "scipy " + __import__("scipy").__version__ + ", scikit-learn " + __import__("sklearn").__version__}

def naive_standardise(X):
    """z-scores with sequential sums — the same arithmetic as loaders/cluster/standardize.ts, so
    both sides feed bit-identical inputs to Ward (StandardScaler agrees to ~1e-15)."""
    n = X.shape[0]
    mean = np.cumsum(X, axis=0)[-1] / n
    sd = np.sqrt(np.cumsum((X - mean) ** 2, axis=0)[-1] / n)
    sd[sd == 0] = 1.0
    return (X - mean) / sd

def ward_case(X, ks=(2, 3, 4, 5), p=8):
    Z = linkage(X, method="ward")
    d = dendrogram(Z, truncate_mode="lastp", p=p, no_plot=True)
    return {"Z": Z.tolist(),
            "fcluster": {str(k): fcluster(Z, k, criterion="maxclust").tolist() for k in ks},
            "dendrogram": {"p": p, "icoord": d["icoord"], "dcoord": d["dcoord"], "leaves": [int(v) for v in d["leaves"]], "ivl": d["ivl"]}}

# --- small fixed inputs ---
rng = np.random.default_rng(7)
small = np.round(rng.normal(size=(40, 3)) + np.repeat([[0, 0, 0], [4, 0, 0], [0, 4, 1]], [15, 15, 10], axis=0), 3)
grid = np.array([[x, y] for x in range(4) for y in range(3)], dtype=float)  # many exactly tied distances
dups = np.array([[0, 0], [0, 0], [1, 0], [1, 0], [5, 5], [5, 6], [0, 0], [9, 9]], dtype=float)
out["small"] = {"X": small.tolist(), **ward_case(small, p=10)}
out["grid"] = {"X": grid.tolist(), **ward_case(grid, ks=(2, 3, 5, 7), p=12)}
out["dups"] = {"X": dups.tolist(), **ward_case(dups, ks=(1, 2, 3, 4, 5, 7), p=5)}

# --- blobs for k-means ---
B, yb = make_blobs(n_samples=3000, n_features=5, centers=4, cluster_std=1.5, random_state=3)
B = np.round(B, 4)
out["blobs"] = {"X": B.tolist(), "truth": yb.tolist(),
                "inertia": {str(k): float(KMeans(n_clusters=k, n_init=10, random_state=0).fit(B).inertia_) for k in range(2, 7)}}

# --- the real fitness table ---
fit = pd.read_csv(os.path.join(DATASETS, "fitness/gym_churn_us.csv"))
features = [c for c in fit.columns if c != "Churn"]
X = fit[features].to_numpy(float)
sc = StandardScaler().fit(X)
Xs = naive_standardise(X)
F = {"features": features, "scaler": {"mean": sc.mean_.tolist(), "scale": sc.scale_.tolist()},
     "max_abs_diff_vs_StandardScaler": float(np.abs(Xs - sc.transform(X)).max())}
ks = tuple(range(2, 9))
F.update(ward_case(Xs, ks=ks, p=12))
labels = {k: fcluster(np.array(F["Z"]), k, criterion="maxclust") for k in ks}
F["silhouette_ward"] = {str(k): float(silhouette_score(Xs, labels[k])) for k in ks}
F["kmeans_inertia"] = {}
km_labels = {}
for k in ks:
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(Xs)
    F["kmeans_inertia"][str(k)] = float(km.inertia_)
    km_labels[k] = km.labels_
F["kmeans_labels_5"] = km_labels[5].tolist()
F["ari"] = {"ward4_ward5": float(adjusted_rand_score(labels[4], labels[5])),
            "ward5_kmeans5": float(adjusted_rand_score(labels[5], km_labels[5])),
            "ward3_churn": float(adjusted_rand_score(labels[3], fit["Churn"]))}
out["fitness"] = F

# --- ARI edge cases ---
r = np.random.default_rng(1)
a = r.integers(0, 5, 500); b = r.integers(0, 3, 500)
out["ari_cases"] = [
    {"a": a.tolist(), "b": b.tolist(), "ari": float(adjusted_rand_score(a, b))},
    {"a": [0, 0, 1, 1], "b": [1, 1, 0, 0], "ari": float(adjusted_rand_score([0, 0, 1, 1], [1, 1, 0, 0]))},
    {"a": [0, 0, 0, 0], "b": [0, 1, 2, 3], "ari": float(adjusted_rand_score([0, 0, 0, 0], [0, 1, 2, 3]))},
    {"a": [0, 0, 1, 2], "b": [0, 0, 1, 1], "ari": float(adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]))},
]

with open(os.path.join(HERE, "cluster.json"), "w") as fh:
    json.dump(out, fh)
print("wrote", os.path.join(HERE, "cluster.json"), "max |naive − StandardScaler| =", F["max_abs_diff_vs_StandardScaler"])
