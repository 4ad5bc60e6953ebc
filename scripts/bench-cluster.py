"""Companion of scripts/bench-cluster.ts: times one scikit-learn KMeans fit or one scipy Ward
linkage on the data the TypeScript side generated, and prints a JSON object on stdout.
Usage: bench-cluster.py kmeans <file.f64> <n> <d> <seed>
       bench-cluster.py ward   <file.f64> <n> <d>"""
import json, sys, time
import numpy as np
import sklearn, scipy

task, path, n, d = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(path, dtype="<f8").reshape(n, d)
out = {"versions": {"sklearn": sklearn.__version__, "scipy": scipy.__version__}}
if task == "kmeans":
    from sklearn.cluster import KMeans
    t = time.perf_counter()
    model = KMeans(n_clusters=5, n_init=10, random_state=int(sys.argv[5])).fit(X)
    out.update(seconds=time.perf_counter() - t, inertia=float(model.inertia_))
else:
    from scipy.cluster.hierarchy import linkage
    t = time.perf_counter()
    Z = linkage(X, method="ward")
    out.update(seconds=time.perf_counter() - t, heights=Z[:, 2].tolist())
print(json.dumps(out))
