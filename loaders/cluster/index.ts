/** Clustering: standardisation, k-means, Ward, cuts, dendrogram layout, silhouettes, ARI,
 *  portraits and the choice of k (by silhouette, or from a Ward tree's merge heights). */
export type {Matrix} from "./matrix.ts";
export {fitScaler, transformScaler, inverseTransformScaler, standardize, type Scaler} from "./standardize.ts";
export {fitKMeans, predictKMeans, predictKMeansFlat, fitKMeansFlat, type KMeansOptions, type KMeansModel} from "./kmeans.ts";
export {wardLinkage, wardLinkageFlat, wardFromDistances, distanceMatrix, WARD_MAX_N, type Linkage} from "./ward.ts";
export {cutTree, cutAtHeight, maxDists} from "./cut.ts";
export {dendrogramLayout, type DendrogramLayout, type DendrogramLeaf, type DendrogramSegment} from "./dendrogram.ts";
export {silhouetteScore, silhouetteScores, silhouetteSamplesFlat, type SilhouetteOptions, type SilhouetteResult} from "./silhouette.ts";
export {adjustedRandScore} from "./ari.ts";
export {clusterPortraits, clusterPortraitsFlat, type ClusterPortrait, type FeatureProfile, type PortraitOptions} from "./portraits.ts";
export {chooseKFromTree, type TreeBand, type TreeKChoice, type TreeKOptions} from "./treeK.ts";
export {chooseK, scanK, withinSumOfSquares, type ChooseKOptions, type KChoice, type KScore} from "./chooseK.ts";
