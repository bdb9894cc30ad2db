// The public API of @chainops/treasury: layout, seeds, Trezor signer, Safe, 0xSplits, reward routing and
// their errors. Test doubles are in '@chainops/treasury/testing'.

export type { DerivedRole } from './derive/DerivedRole.ts'
export { type DeriveLayoutErrorType, deriveLayout } from './derive/deriveLayout.ts'
export { publicKeyToAddress } from './derive/publicKeyToAddress.ts'
export type { TierPassphrases } from './derive/TierPassphrases.ts'
export { TreasuryError, type TreasuryErrorCode } from './errors/TreasuryError.ts'
export { defaultLayout } from './layout/defaultLayout.ts'
export type { Layout } from './layout/Layout.ts'
export type { LayoutRole } from './layout/LayoutRole.ts'
export type { LayoutSpecInput } from './layout/LayoutSpec.ts'
export type { LayoutTier } from './layout/LayoutTier.ts'
export { type ParseLayoutErrorType, parseLayout } from './layout/parseLayout.ts'
export { RoutingError, type RoutingErrorCode } from './routing/RoutingError.ts'
export { type RewardRouteCallsParameters, rewardRouteCalls } from './routing/rewardRouteCalls.ts'
export { type RouteRewardsParameters, type RouteRewardsReturnType, routeRewards } from './routing/routeRewards.ts'
export { type CollectSafeSignaturesParameters, collectSafeSignatures } from './safe/collectSafeSignatures.ts'
export { type ConnectSafeParameters, connectSafe } from './safe/connectSafe.ts'
export {
  type CreateRewardSafeParameters,
  type CreateRewardSafeReturnType,
  createRewardSafe,
} from './safe/createRewardSafe.ts'
export {
  type DeploySafeContractsErrorType,
  type DeploySafeContractsParameters,
  type DeploySafeContractsReturnType,
  deploySafeContracts,
} from './safe/deploySafeContracts.ts'
export {
  type ExecuteSafeTransactionParameters,
  type ExecuteSafeTransactionReturnType,
  executeSafeTransaction,
} from './safe/executeSafeTransaction.ts'
export {
  type FromSafeTransactionFileErrorType,
  type FromSafeTransactionFileReturnType,
  fromSafeTransactionFile,
} from './safe/fromSafeTransactionFile.ts'
export type { ProtocolKitSafe } from './safe/ProtocolKitSafe.ts'
export {
  type PlaceSafeSingletonFactoryParameters,
  placeSafeSingletonFactory,
} from './safe/placeSafeSingletonFactory.ts'
export {
  type ProposeSafeTransactionParameters,
  type ProposeSafeTransactionReturnType,
  proposeSafeTransaction,
} from './safe/proposeSafeTransaction.ts'
export type { SafeCall } from './safe/SafeCall.ts'
export type { SafeContracts } from './safe/SafeContracts.ts'
export { SafeError, type SafeErrorCode } from './safe/SafeError.ts'
export type { SafeExecutor } from './safe/SafeExecutor.ts'
export type { SafeOwnerSigner } from './safe/SafeOwnerSigner.ts'
export type { SafeTransaction } from './safe/SafeTransaction.ts'
export type { SafeTransactionFile } from './safe/SafeTransactionFile.ts'
export type { SafeV141Contract } from './safe/SafeV141Contract.ts'
export { type SafeContractNetworksParameters, safeContractNetworks } from './safe/safeContractNetworks.ts'
export { safeSingletonFactoryPredeploy } from './safe/safeSingletonFactoryPredeploy.ts'
export type { SafeTransactionTypedData } from './safe/safeTransactionTypedData.ts'
export { safeV141Contracts } from './safe/safeV141Contracts.ts'
export {
  type SignSafeTransactionParameters,
  type SignSafeTransactionReturnType,
  signSafeTransaction,
} from './safe/signSafeTransaction.ts'
export { type ToSafeTransactionFileParameters, toSafeTransactionFile } from './safe/toSafeTransactionFile.ts'
export {
  type TrezorSafeOwnerSigner,
  type TrezorSafeOwnerSignerParameters,
  trezorSafeOwnerSigner,
} from './safe/trezorSafeOwnerSigner.ts'
export {
  type AssertBip39MnemonicErrorType,
  type AssertBip39MnemonicOptions,
  assertBip39Mnemonic,
} from './seeds/bip39/assertBip39Mnemonic.ts'
export { bip39SeedSource } from './seeds/bip39/bip39SeedSource.ts'
export { type MnemonicToSeedOptions, mnemonicToSeed } from './seeds/bip39/mnemonicToSeed.ts'
export type { SeedSource } from './seeds/SeedSource.ts'
export { slip39MasterSecret } from './seeds/slip39/slip39MasterSecret.ts'
export { slip39SeedSource } from './seeds/slip39/slip39SeedSource.ts'
export { type BuildSplitV2ParamsParameters, buildSplitV2Params } from './splits/buildSplitV2Params.ts'
export { type CreateSplitParameters, type CreateSplitReturnType, createSplit } from './splits/createSplit.ts'
export { type DistributeSplitParameters, distributeSplit } from './splits/distributeSplit.ts'
export { type DistributeSplitCallParameters, distributeSplitCall } from './splits/distributeSplitCall.ts'
export { getSplitBalance } from './splits/getSplitBalance.ts'
export {
  type GetSplitV2ParamsErrorType,
  type GetSplitV2ParamsParameters,
  getSplitV2Params,
} from './splits/getSplitV2Params.ts'
export { SplitsError, type SplitsErrorCode } from './splits/SplitsError.ts'
export type { SplitV2Params } from './splits/SplitV2Params.ts'
export { splitsNativeToken } from './splits/splitsNativeToken.ts'
export { updateSplitCall } from './splits/updateSplitCall.ts'
export { type CreateTrezorSignerParameters, createTrezorSigner } from './trezor/createTrezorSigner.ts'
export { initTrezorConnect } from './trezor/initTrezorConnect.ts'
export type { TrezorAccount } from './trezor/TrezorAccount.ts'
export type { TrezorConnectApi } from './trezor/TrezorConnectApi.ts'
export type { TrezorSigner } from './trezor/TrezorSigner.ts'
export type { TrezorTransaction } from './trezor/TrezorTransaction.ts'
export type { TrezorUiEvent } from './trezor/TrezorUiEvent.ts'
export type { TrezorUiListener } from './trezor/TrezorUiListener.ts'
export type { TrezorConnectSettingsParameters } from './trezor/trezorConnectSettings.ts'
