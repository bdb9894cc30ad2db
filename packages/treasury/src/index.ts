export type { DerivedRole } from './derive/DerivedRole.ts'
export { type DeriveLayoutErrorType, deriveLayout, type TierPassphrases } from './derive/deriveLayout.ts'
export { publicKeyToAddress } from './derive/publicKeyToAddress.ts'
export { TreasuryError, type TreasuryErrorCode, type TreasuryErrorParameters } from './errors/TreasuryError.ts'
export { defaultLayout } from './layout/defaultLayout.ts'
export { defaultLayoutSpec } from './layout/defaultLayoutSpec.ts'
export { findLayoutRole } from './layout/findLayoutRole.ts'
export { type FormatPathParameters, formatPath } from './layout/formatPath.ts'
export type { Layout, LayoutRole, LayoutTier } from './layout/Layout.ts'
export { ExtraRoleSchema, type LayoutSpec, type LayoutSpecInput, LayoutSpecSchema } from './layout/LayoutSpec.ts'
export { parseDerivationPath } from './layout/parseDerivationPath.ts'
export { type ParseLayoutErrorType, parseLayout } from './layout/parseLayout.ts'
export { resolveLayout } from './layout/resolveLayout.ts'
export {
  type AssertBip39MnemonicErrorType,
  type AssertBip39MnemonicOptions,
  assertBip39Mnemonic,
} from './seeds/assertBip39Mnemonic.ts'
export { bip39SeedSource } from './seeds/bip39SeedSource.ts'
export { type MnemonicToSeedOptions, mnemonicToSeed } from './seeds/mnemonicToSeed.ts'
export type { SeedSource } from './seeds/SeedSource.ts'
export {
  type CombineSlip39SharesErrorType,
  combineSlip39Shares,
  type Slip39EncryptedMasterSecret,
} from './seeds/slip39/combineSlip39Shares.ts'
export { decryptSlip39MasterSecret } from './seeds/slip39/decryptSlip39MasterSecret.ts'
export { slip39MasterSecret } from './seeds/slip39MasterSecret.ts'
export { slip39SeedSource } from './seeds/slip39SeedSource.ts'
