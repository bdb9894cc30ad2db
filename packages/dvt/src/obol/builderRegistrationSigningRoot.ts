import { ByteVectorType, ContainerType, UintNumberType } from '@chainsafe/ssz'
import { computeSigningRoot } from '../deposit/computeSigningRoot.ts'
import { ForkData } from '../deposit/ForkData.ts'
import type { ClusterBuilderRegistration } from './ClusterLock.ts'
import { paddedBytes } from './paddedBytes.ts'

/** `DOMAIN_APPLICATION_BUILDER` of the builder API. */
const DOMAIN_APPLICATION_BUILDER = Uint8Array.of(0x00, 0x00, 0x00, 0x01)

const uint64 = new UintNumberType(8)
const ValidatorRegistrationV1 = new ContainerType({
  feeRecipient: new ByteVectorType(20),
  gasLimit: uint64,
  timestamp: uint64,
  pubkey: new ByteVectorType(48),
})

/**
 * What a builder registration's BLS signature signs: the `ValidatorRegistrationV1` root in the
 * application-builder domain of the genesis fork version (zero genesis validators root), as charon
 * pre-generates it.
 */
export function builderRegistrationSigningRoot(
  message: ClusterBuilderRegistration['message'],
  forkVersion: string,
  field: string,
): Uint8Array {
  const forkDataRoot = ForkData.hashTreeRoot({
    currentVersion: paddedBytes(forkVersion, 4, 'fork_version'),
    genesisValidatorsRoot: new Uint8Array(32),
  })
  const domain = new Uint8Array(32)
  domain.set(DOMAIN_APPLICATION_BUILDER, 0)
  domain.set(forkDataRoot.subarray(0, 28), 4)
  const root = ValidatorRegistrationV1.hashTreeRoot({
    feeRecipient: paddedBytes(message.fee_recipient, 20, `${field}.fee_recipient`, true),
    gasLimit: message.gas_limit,
    timestamp: message.timestamp,
    pubkey: paddedBytes(message.pubkey, 48, `${field}.pubkey`),
  })
  return computeSigningRoot(root, domain)
}
