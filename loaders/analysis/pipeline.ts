/**
 * A standardising wrapper for estimators whose fit depends on feature scale (penalised logistic
 * regression, kNN): the scaler is fitted on the training rows of each fit only, so
 * cross-validation never sees the test fold's mean and sd. The fitted model keeps the scaler and
 * the inner model (for odds ratios and linear SHAP on the standardised scale).
 */
import {fitScaler, transformScaler, type Scaler} from "../cluster/standardize.ts";
import {thresholded, type Classifier, type Estimator, type Row} from "../models/types.ts";

export interface StandardisedModel<M extends Classifier = Classifier> extends Classifier {
  scaler: Scaler;
  inner: M;
}

export function standardised<M extends Classifier>(estimator: Estimator<Row, M>): Estimator<Row, StandardisedModel<M>> {
  return {
    family: estimator.family,
    params: estimator.params,
    fit(X, y) {
      const scaler = fitScaler(X);
      const inner = estimator.fit(transformScaler(scaler, X), y);
      const predictProba = (Z: readonly Row[]) => inner.predictProba(transformScaler(scaler, Z));
      return {scaler, inner, predictProba, predict: (Z, threshold = 0.5) => thresholded(predictProba(Z), threshold)};
    }
  };
}
