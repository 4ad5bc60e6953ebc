"""Companion of scripts/bench-cluster.ts: times one scikit-learn KMeans fit or one scipy Ward
linkage on the data the TypeScript side generated, and prints a JSON object on stdout
(wall seconds, CPU seconds of the process over all threads, and the result to compare).
Usage: bench-cluster.py kmeans <file.f64> <n> <d> <seed> <threads>
       bench-cluster.py ward   <file.f64> <n> <d> <threads>
Threads are limited with threadpoolctl (OpenMP and BLAS); the caller also sets OMP_NUM_THREADS."""
import json, sys, time
import numpy as np
import sklearn, scipy
from threadpoolctl import threadpool_limits

task, path, n, d = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
threads = int(sys.argv[-1])
X = np.fromfile(path, dtype="<f8").reshape(n, d)
out = {"versions": {"sklearn": sklearn.__version__, "scipy": scipy.__version__}, "threads": threads}
# the BLAS numpy calls (scikit-learn's k-means computes its distances with its gemm) and the kernels
# it chose for this processor
from threadpoolctl import threadpool_info
blas = [f'{i["internal_api"]} {i["version"]} ({i.get("architecture", "?")} kernels)' for i in threadpool_info() if i["user_api"] == "blas"]
out["versions"]["blas"] = ", ".join(blas) or "?"
with threadpool_limits(limits=threads):
    if task == "kmeans":
        from sklearn.cluster import KMeans
        KMeans(n_clusters=5, n_init=1, random_state=0).fit(X[:2000])  # warm-up: lazy imports, first-call costs
        t, c = time.perf_counter(), time.process_time()
        model = KMeans(n_clusters=5, n_init=10, random_state=int(sys.argv[5]), algorithm="lloyd", tol=1e-4, max_iter=300).fit(X)
        out.update(seconds=time.perf_counter() - t, cpu=time.process_time() - c, inertia=float(model.inertia_), nIter=int(model.n_iter_))
    else:
        from scipy.cluster.hierarchy import linkage
        linkage(X[:50], method="ward")  # warm-up
        t, c = time.perf_counter(), time.process_time()
        Z = linkage(X, method="ward")
        out.update(seconds=time.perf_counter() - t, cpu=time.process_time() - c, heights=Z[:, 2].tolist())
print(json.dumps(out))
