/**
 * Minimise a smooth function of a few unconstrained parameters by BFGS (Nocedal & Wright 2006,
 * algorithm 6.1) with an analytic gradient: the dense inverse-Hessian update is cheap at 3–4 parameters,
 * converges superlinearly near the optimum, and needs one pass over the data per evaluation (a
 * Nelder–Mead simplex needs hundreds of passes). Step length by backtracking until the Armijo condition
 * holds (non-finite values count as failures); the update is skipped when the curvature condition
 * sᵀy > 0 fails. Stops when the largest gradient component is below `gradientTol`, when the decrease a step
 * predicts (−gᵀd) is below the rounding of the value, or when the value stops decreasing (relative change below
 * `valueTol` on two steps in a row).
 */
export type Objective = (theta: readonly number[]) => {value: number; gradient: number[]};

export interface MinimiseOptions {
  gradientTol?: number;
  valueTol?: number;
  maxIterations?: number;
  /** Largest step of any one parameter in the first iteration (log-scale parameters: a factor e). */
  firstStep?: number;
}

export interface Minimum {
  theta: number[];
  value: number;
  gradient: number[];
  iterations: number;
  evaluations: number;
  converged: boolean;
}

const dot = (u: readonly number[], v: readonly number[]) => u.reduce((s, ui, i) => s + ui * v[i], 0);

export function minimiseBfgs(f: Objective, start: readonly number[], {gradientTol = 1e-9, valueTol = 1e-15, maxIterations = 500, firstStep = 1}: MinimiseOptions = {}): Minimum {
  const n = start.length;
  let theta = start.slice();
  let current = f(theta);
  let evaluations = 1;
  if (!Number.isFinite(current.value)) throw new Error("minimiseBfgs: the objective is not finite at the start");
  let h: number[][] = Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => (i === j ? 1 : 0)));
  let flat = 0;
  let first = true;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const g = current.gradient;
    if (Math.max(...g.map(Math.abs)) < gradientTol) return {theta, ...current, iterations: iteration - 1, evaluations, converged: true};
    let direction = h.map((row) => -dot(row, g));
    if (dot(direction, g) >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      h = h.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      direction = g.map((gi) => -gi);
    }
    const biggest = Math.max(...direction.map(Math.abs));
    let step = first && biggest > firstStep ? firstStep / biggest : 1;
    const slope = dot(direction, g);
    // The predicted decrease is below the rounding of the value itself: nothing left to gain.
    if (-slope < 1e-14 * Math.max(1, Math.abs(current.value))) return {theta, ...current, iterations: iteration - 1, evaluations, converged: true};
    let next: {value: number; gradient: number[]} | null = null;
    let candidate = theta;
    for (let tries = 0; tries < 60; tries++) {
      candidate = theta.map((t, i) => t + step * direction[i]);
      const trial = f(candidate);
      evaluations++;
      if (Number.isFinite(trial.value) && trial.gradient.every(Number.isFinite) && trial.value <= current.value + 1e-4 * step * slope) {
        next = trial;
        break;
      }
      step /= 2;
    }
    if (!next) return {theta, ...current, iterations: iteration, evaluations, converged: Math.max(...g.map(Math.abs)) < Math.sqrt(gradientTol)};
    const s = candidate.map((c, i) => c - theta[i]);
    const y = next.gradient.map((gi, i) => gi - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (first) {
        const scale = sy / dot(y, y);
        h = h.map((row) => row.map((v) => v * scale));
      }
      const rho = 1 / sy;
      const hy = h.map((row) => dot(row, y));
      const yhy = dot(y, hy);
      h = h.map((row, i) => row.map((v, j) => v - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]));
    }
    first = false;
    const change = Math.abs(current.value - next.value) / Math.max(1, Math.abs(current.value));
    flat = change < valueTol ? flat + 1 : 0;
    theta = candidate;
    current = next;
    if (flat >= 2) return {theta, ...current, iterations: iteration, evaluations, converged: Math.max(...current.gradient.map(Math.abs)) < Math.sqrt(gradientTol)};
  }
  return {theta, ...current, iterations: maxIterations, evaluations, converged: false};
}
