import { ByteVectorType, ContainerType, UintBigintType } from '@chainsafe/ssz'

/** The phase0 `DepositData` SSZ container: a {@link DepositMessage} and its BLS signature; its root goes to the deposit contract. */
export const DepositData = new ContainerType(
  {
    pubkey: new ByteVectorType(48),
    withdrawalCredentials: new ByteVectorType(32),
    amount: new UintBigintType(8),
    signature: new ByteVectorType(96),
  },
  { typeName: 'DepositData', jsonCase: 'snake' },
)
