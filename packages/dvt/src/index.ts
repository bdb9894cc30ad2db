// The public API of @chainops/dvt.

export { computeDepositDomain } from './deposit/computeDepositDomain.ts'
export { computeSigningRoot } from './deposit/computeSigningRoot.ts'
export {
  type ComputeWithdrawalCredentialsParameters,
  computeWithdrawalCredentials,
} from './deposit/computeWithdrawalCredentials.ts'
export { DepositData } from './deposit/DepositData.ts'
export { DepositError, type DepositErrorCode, type DepositErrorParameters } from './deposit/DepositError.ts'
export { DepositMessage } from './deposit/DepositMessage.ts'
export type { DepositNetwork } from './deposit/DepositNetwork.ts'
export { type DepositNetworkSetting, depositNetworks } from './deposit/depositNetworks.ts'
export { ForkData } from './deposit/ForkData.ts'
export { SigningData } from './deposit/SigningData.ts'
