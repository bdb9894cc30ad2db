import { ByteVectorType, ContainerType } from '@chainsafe/ssz'

/** The phase0 `SigningData` SSZ container: an object's root with its domain, the message BLS signs. */
export const SigningData = new ContainerType(
  {
    objectRoot: new ByteVectorType(32),
    domain: new ByteVectorType(32),
  },
  { typeName: 'SigningData', jsonCase: 'snake' },
)
