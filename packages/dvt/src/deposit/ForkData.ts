import { ByteVectorType, ContainerType } from '@chainsafe/ssz'

/** The phase0 `ForkData` SSZ container, whose root is the tail of a signing domain. */
export const ForkData = new ContainerType(
  {
    currentVersion: new ByteVectorType(4),
    genesisValidatorsRoot: new ByteVectorType(32),
  },
  { typeName: 'ForkData', jsonCase: 'snake' },
)
