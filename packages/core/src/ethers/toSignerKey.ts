import type { Hex } from 'viem'
import { Secret } from '../secrets/Secret.ts'
import { EthersAdapterError } from './EthersAdapterError.ts'
import type { EthersSigner } from './EthersSigner.ts'
import type { EthersWallet } from './EthersWallet.ts'
import { isEthersSigner } from './isEthersSigner.ts'

const PRIVATE_KEY = /^0x[0-9a-fA-F]{64}$/

/**
 * The boundary of an API that signs with a raw key (the minter signs in worker threads, where no
 * signer object can go): a `Secret` is returned as it is, an ethers v6 `Wallet`'s key is taken into
 * a `Secret`. Any other ethers signer (a `JsonRpcSigner`, a KMS signer) holds no key to hand over:
 * `ETHERS_SIGNER_UNSUPPORTED`.
 */
export function toSignerKey(key: Secret<Hex> | EthersWallet | EthersSigner): Secret<Hex> {
  if (key instanceof Secret) return key
  const privateKey = isEthersSigner(key) ? (key as Partial<EthersWallet>).privateKey : undefined
  if (typeof privateKey !== 'string' || !PRIVATE_KEY.test(privateKey))
    throw new EthersAdapterError({
      code: 'ETHERS_SIGNER_UNSUPPORTED',
      shortMessage: 'this API signs with a raw key: pass a Secret key or an ethers Wallet',
      details: 'an ethers signer without a private key (JsonRpcSigner, VoidSigner, a KMS signer) cannot be used here',
    })
  return new Secret(privateKey.toLowerCase() as Hex)
}
