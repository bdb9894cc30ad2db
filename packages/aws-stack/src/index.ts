// @chainops/aws-stack: the production AWS topology (../shared/seeds/000, "サーバ構成") as CDK constructs.
export { Bastion, type BastionProps } from './bastion/Bastion.ts'
export { type BitcoinNetwork, BitcoinNode, type BitcoinNodeProps } from './bitcoin/BitcoinNode.ts'
export type { ChainopsStackConfig, S3Object, SealerNodeConfig } from './config/ChainopsStackConfig.ts'
export { validateStackConfig } from './config/validateStackConfig.ts'
export { AwsStackError, type AwsStackErrorCode, type AwsStackErrorParameters } from './errors/AwsStackError.ts'
export type { IssuanceConfig } from './issuance/IssuanceConfig.ts'
export { IssuanceFunctions, type IssuanceFunctionsProps } from './issuance/IssuanceFunctions.ts'
export { type LambdaBundlePaths, lambdaBundlePaths } from './issuance/lambdaBundlePaths.ts'
export { type ValidateIssuanceConfigErrorType, validateIssuanceConfig } from './issuance/validateIssuanceConfig.ts'
export { LightningNode, type LightningNodeProps, type SettleSubscriberProps } from './lightning/LightningNode.ts'
export { CliqueRpc, type CliqueRpcProps } from './rpc/CliqueRpc.ts'
export { CliqueSealers, type CliqueSealersProps } from './sealers/CliqueSealers.ts'
export { ChainopsStack, type ChainopsStackProps } from './stack/ChainopsStack.ts'
export {
  type SynthChainopsStackOptions,
  type SynthChainopsStackReturnType,
  synthChainopsStack,
} from './stack/synthChainopsStack.ts'
