// @chainops/aws-stack: the production AWS topology (../shared/seeds/000, "サーバ構成") as CDK constructs.
export type { IssuanceConfig } from './issuance/IssuanceConfig.ts'
export { IssuanceFunctions, type IssuanceFunctionsProps } from './issuance/IssuanceFunctions.ts'
export { type LambdaBundlePaths, lambdaBundlePaths } from './issuance/lambdaBundlePaths.ts'
export { type ValidateIssuanceConfigErrorType, validateIssuanceConfig } from './issuance/validateIssuanceConfig.ts'
