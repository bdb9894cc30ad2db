import type { Secret } from '@chainops/core'
import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { CliqueError } from '../errors/CliqueError.ts'

/**
 * The enode id (the 64-byte uncompressed secp256k1 public key, without the 04 prefix) of a geth
 * node key, the hex in `<datadir>/geth/nodekey`. The key stays wrapped; errors never show it.
 */
export function enodeIdFromNodeKey(nodeKey: Secret<Hex | string>): Hex {
  const key = nodeKey.reveal()
  const normalized = key.startsWith('0x') ? key : `0x${key}`
  if (!/^0x[0-9a-fA-F]{64}$/.test(normalized)) {
    throw new CliqueError({
      code: 'CLIQUE_CONFIG_INVALID',
      shortMessage: 'node key must be 32 bytes of hex',
      path: 'nodeKey',
    })
  }
  try {
    return `0x${privateKeyToAccount(normalized as Hex).publicKey.slice(4)}`
  } catch {
    throw new CliqueError({
      code: 'CLIQUE_CONFIG_INVALID',
      shortMessage: 'node key is not a valid secp256k1 private key',
      path: 'nodeKey',
    })
  }
}
