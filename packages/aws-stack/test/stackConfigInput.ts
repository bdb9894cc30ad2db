import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { enodeIdFromNodeKey } from '@chainops/clique'
import { Secret } from '@chainops/core'

/**
 * A folder holding the three function zips IssuanceFunctions wants at synth. These tests check
 * the template, not the bundles (examples/lambda's own tests run those), so each zip is an empty
 * archive: the 22-byte end-of-central-directory record alone.
 */
export function emptyBundlesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-stack-bundles-'))
  const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])
  for (const name of ['invoice-api.zip', 'mint-consumer.zip', 'mint-watcher.zip'])
    writeFileSync(join(dir, name), emptyZip)
  return dir
}

const hex = (byte: string, bytes: number) => `0x${byte.repeat(bytes)}`

/** The sealers' enode ids: the public keys of the node keys 0xa1a1…, 0xb2b2…, 0xc3c3… (geth refuses ids off the curve). */
export const sealerEnodeIds: readonly `0x${string}`[] = ['a1', 'b2', 'c3'].map((byte) =>
  enodeIdFromNodeKey(new Secret(hex(byte, 32))),
)

/** A complete, valid stack config as a user's JSON file holds it (3 sealers, tolerance 1). */
export function stackConfigInput(bundlesDir: string) {
  return {
    account: '123456789012',
    region: 'ap-northeast-1',
    availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
    artifacts: {
      geth: 's3://chainops-artifacts/geth/v1.13.15/geth',
      lnd: 's3://chainops-artifacts/lnd/v0.20.0/lnd',
      btcd: 's3://chainops-artifacts/btcd/v0.24.2/btcd',
      tor: 's3://chainops-artifacts/tor/0.4.8/tor',
      settleSubscriber: 's3://chainops-artifacts/chainops/settle-subscriber.tar.gz',
      node: 's3://chainops-artifacts/node/v22.21.1/node-v22.21.1-linux-x64.tar.xz',
    },
    chain: { networkId: 2789, gasLimit: '30000000', genesis: 's3://chainops-artifacts/chain/genesis.json' },
    sealers: {
      tolerateFailures: 1,
      nodes: ['a1', 'b2', 'c3'].map((byte, i) => ({
        signer: hex(byte, 20),
        enodeId: sealerEnodeIds[i] as `0x${string}`,
        parameters: {
          nodeKey: `/chainops/sealer-${i + 1}/nodekey`,
          keystore: `/chainops/sealer-${i + 1}/keystore`,
          password: `/chainops/sealer-${i + 1}/password`,
        },
      })),
    },
    bastion: { sshCidr: '203.0.113.0/24', keyPairName: 'chainops-ops' },
    lightning: {
      senderAddresses: ['0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf'],
      parameters: {
        tlsCert: '/chainops/lnd/tls-cert',
        tlsKey: '/chainops/lnd/tls-key',
        walletPassword: '/chainops/lnd/wallet-password',
        invoiceMacaroon: '/chainops/lnd/invoice-macaroon',
        readOnlyMacaroon: '/chainops/lnd/readonly-macaroon',
      },
    },
    issuance: { operatorKeyParameters: ['/chainops/operator/key-1'], bundlesDir },
  }
}
