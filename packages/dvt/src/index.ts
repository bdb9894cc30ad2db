// The public API of @chainops/dvt.

export { type AssertDepositDataErrorType, assertDepositData } from './deposit/assertDepositData.ts'
export { computeDepositDomain } from './deposit/computeDepositDomain.ts'
export { computeSigningRoot } from './deposit/computeSigningRoot.ts'
export {
  type ComputeWithdrawalCredentialsParameters,
  computeWithdrawalCredentials,
} from './deposit/computeWithdrawalCredentials.ts'
export {
  type CreateDepositDataErrorType,
  type CreateDepositDataParameters,
  type CreateDepositDataReturnType,
  createDepositData,
} from './deposit/createDepositData.ts'
export { DepositData } from './deposit/DepositData.ts'
export type { DepositDataEntry, DepositDataField } from './deposit/DepositDataEntry.ts'
export type { DepositDataFinding } from './deposit/DepositDataFinding.ts'
export { DepositError, type DepositErrorCode, type DepositErrorParameters } from './deposit/DepositError.ts'
export { DepositMessage } from './deposit/DepositMessage.ts'
export type { DepositNetwork } from './deposit/DepositNetwork.ts'
export { depositDataFileName } from './deposit/depositDataFileName.ts'
export { type DepositNetworkSetting, depositNetworks } from './deposit/depositNetworks.ts'
export { ForkData } from './deposit/ForkData.ts'
export { SigningData } from './deposit/SigningData.ts'
export { serializeDepositData } from './deposit/serializeDepositData.ts'
export {
  type VerifyDepositDataErrorType,
  type VerifyDepositDataOptions,
  type VerifyDepositDataReturnType,
  verifyDepositData,
} from './deposit/verifyDepositData.ts'
export { type BlsPublicKeyErrorType, blsPublicKey } from './keys/blsPublicKey.ts'
export { type DeriveChildSKErrorType, deriveChildSK } from './keys/deriveChildSK.ts'
export { type DeriveMasterSKErrorType, deriveMasterSK } from './keys/deriveMasterSK.ts'
export { type DeriveSKAtPathErrorType, type DeriveSKAtPathParameters, deriveSKAtPath } from './keys/deriveSKAtPath.ts'
export {
  type DeriveValidatorKeysErrorType,
  type DeriveValidatorKeysParameters,
  type DeriveValidatorKeysReturnType,
  deriveValidatorKeys,
} from './keys/deriveValidatorKeys.ts'
export {
  type DvtNodeAccountErrorType,
  type DvtNodeAccountParameters,
  type DvtNodeAccountReturnType,
  dvtNodeAccount,
} from './keys/dvtNodeAccount.ts'
export type { Eip2334Path } from './keys/Eip2334Path.ts'
export { KeysError, type KeysErrorCode, type KeysErrorParameters } from './keys/KeysError.ts'
export { type ParseEip2334PathErrorType, parseEip2334Path } from './keys/parseEip2334Path.ts'
export { signingKeyPath } from './keys/signingKeyPath.ts'
export type { ValidatorKeys } from './keys/ValidatorKeys.ts'
export { withdrawalKeyPath } from './keys/withdrawalKeyPath.ts'
export {
  type CreateKeystoreErrorType,
  type CreateKeystoreParameters,
  createKeystore,
} from './keystore/createKeystore.ts'
export { type DecryptKeystoreErrorType, decryptKeystore } from './keystore/decryptKeystore.ts'
export type { Keystore, Pbkdf2KdfParams, ScryptKdfParams } from './keystore/Keystore.ts'
export { KeystoreError, type KeystoreErrorCode, type KeystoreErrorParameters } from './keystore/KeystoreError.ts'
export { type ParseKeystoreErrorType, parseKeystore } from './keystore/parseKeystore.ts'
export type {
  ClusterCreator,
  ClusterDefinition,
  ClusterOperator,
  ClusterValidatorAddresses,
} from './obol/ClusterDefinition.ts'
export type {
  ClusterBuilderRegistration,
  ClusterDepositData,
  ClusterDistributedValidator,
  ClusterLock,
} from './obol/ClusterLock.ts'
export { chainIdOfForkVersion } from './obol/chainIdOfForkVersion.ts'
export { type ClusterVersion, clusterVersions } from './obol/clusterVersions.ts'
export {
  type CreateDefinitionErrorType,
  type CreateDefinitionParameters,
  createDefinition,
} from './obol/createDefinition.ts'
export { type HashDefinitionErrorType, type HashDefinitionReturnType, hashDefinition } from './obol/hashDefinition.ts'
export { type HashLockErrorType, hashLock } from './obol/hashLock.ts'
export { ObolError, type ObolErrorCode, type ObolErrorParameters } from './obol/ObolError.ts'
export {
  type ObolOperatorAccountErrorType,
  type ObolOperatorAccountParameters,
  obolOperatorAccount,
} from './obol/obolOperatorAccount.ts'
export { type ObolTypedDataParameters, obolTypedData } from './obol/obolTypedData.ts'
export { type ParseClusterDefinitionErrorType, parseClusterDefinition } from './obol/parseClusterDefinition.ts'
export { type ParseClusterLockErrorType, parseClusterLock } from './obol/parseClusterLock.ts'
export { type SignDefinitionErrorType, type SignDefinitionParameters, signDefinition } from './obol/signDefinition.ts'
export {
  type VerifyDefinitionErrorType,
  type VerifyDefinitionReturnType,
  verifyDefinition,
} from './obol/verifyDefinition.ts'
export { type VerifyLockErrorType, type VerifyLockReturnType, verifyLock } from './obol/verifyLock.ts'
export {
  type BulkRegisterValidatorCallParameters,
  bulkRegisterValidatorCall,
} from './ssv/registration/bulkRegisterValidatorCall.ts'
export { type DepositCallParameters, depositCall } from './ssv/registration/depositCall.ts'
export { emptySsvCluster } from './ssv/registration/emptySsvCluster.ts'
export {
  type GetClusterSnapshotParameters,
  type GetClusterSnapshotReturnType,
  getClusterSnapshot,
} from './ssv/registration/getClusterSnapshot.ts'
export { type GetOwnerNonceParameters, getOwnerNonce } from './ssv/registration/getOwnerNonce.ts'
export {
  type LoadSsvNetworkDeploymentErrorType,
  loadSsvNetworkDeployment,
} from './ssv/registration/loadSsvNetworkDeployment.ts'
export { type RegisterOperatorCallParameters, registerOperatorCall } from './ssv/registration/registerOperatorCall.ts'
export {
  type RegisterValidatorCallParameters,
  registerValidatorCall,
} from './ssv/registration/registerValidatorCall.ts'
export {
  type RegisterValidatorsErrorType,
  type RegisterValidatorsParameters,
  type RegisterValidatorsReturnType,
  registerValidators,
} from './ssv/registration/registerValidators.ts'
export { type RemoveValidatorCallParameters, removeValidatorCall } from './ssv/registration/removeValidatorCall.ts'
export { revertErrorName } from './ssv/registration/revertErrorName.ts'
export type { SsvCluster } from './ssv/registration/SsvCluster.ts'
export type { SsvNetworkCall } from './ssv/registration/SsvNetworkCall.ts'
export type { SsvNetworkDeployment, SsvNetworkName } from './ssv/registration/SsvNetworkDeployment.ts'
export {
  SsvRegistrationError,
  type SsvRegistrationErrorCode,
  type SsvRegistrationErrorParameters,
} from './ssv/registration/SsvRegistrationError.ts'
export { ssvNetworkAbi } from './ssv/registration/ssvNetworkAbi.ts'
export { type AssertClusterReturnType, assertCluster } from './ssv/shares/assertCluster.ts'
export { assertValidShares } from './ssv/shares/assertValidShares.ts'
export { type BuildKeySharesParameters, buildKeyShares } from './ssv/shares/buildKeyShares.ts'
export { encodeOperatorKey } from './ssv/shares/encodeOperatorKey.ts'
export type { KeySharesFile, KeySharesItem, KeySharesOperator } from './ssv/shares/KeySharesFile.ts'
export { parseKeySharesFile } from './ssv/shares/parseKeySharesFile.ts'
export { type ParseOperatorKeyParameters, parseOperatorKey } from './ssv/shares/parseOperatorKey.ts'
export {
  type ReconstructValidatorKeyParameters,
  reconstructValidatorKey,
} from './ssv/shares/reconstructValidatorKey.ts'
export type { SharesFinding, SharesFindingCode } from './ssv/shares/SharesFinding.ts'
export { SsvSharesError, type SsvSharesErrorCode, type SsvSharesErrorParameters } from './ssv/shares/SsvSharesError.ts'
export { sharesThreshold } from './ssv/shares/sharesThreshold.ts'
export {
  type SplitValidatorKeyParameters,
  type SplitValidatorKeyReturnType,
  splitValidatorKey,
} from './ssv/shares/splitValidatorKey.ts'
export type { ValidatorKeyShare } from './ssv/shares/ValidatorKeyShare.ts'
export {
  type VerifiedValidator,
  type VerifySharesParameters,
  type VerifySharesReturnType,
  verifyShares,
} from './ssv/shares/verifyShares.ts'
