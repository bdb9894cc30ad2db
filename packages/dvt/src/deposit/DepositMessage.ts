import { ByteVectorType, ContainerType, UintBigintType } from '@chainsafe/ssz'

/** The phase0 `DepositMessage` SSZ container: what the validator key signs (amount in gwei). */
export const DepositMessage = new ContainerType(
  {
    pubkey: new ByteVectorType(48),
    withdrawalCredentials: new ByteVectorType(32),
    amount: new UintBigintType(8),
  },
  { typeName: 'DepositMessage', jsonCase: 'snake' },
)
