// Small statistics kernel for the add-on (bundled into Apps Script, so no library).
export { fisherExactTwoSided, hypergeometricLogPmf, type TwoByTwo } from './fisher';
export { holmAdjust } from './holm';
export { logFactorial, logGamma } from './log-gamma';
export { normalCdf, normalQuantile, normalUpperTail } from './normal';
export { smoothedOddsRatio } from './odds-ratio';
export { type ProportionTest, twoProportionZTest } from './proportions';
