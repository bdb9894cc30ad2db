import assert from 'node:assert/strict'
import { CliqueError, enodeIdFromNodeKey } from '@chainops/clique'
import { Secret } from '@chainops/core'
import { AwsStackError, type AwsStackErrorCode, synthChainopsStack, validateStackConfig } from '../src/index.ts'
import { emptyBundlesDir, stackConfigInput } from './stackConfigInput.ts'

type Input = ReturnType<typeof stackConfigInput>
const bundlesDir = emptyBundlesDir()

/** A valid input changed by `edit` (a deep copy: cases never share state). */
function input(edit: (config: Input) => void): unknown {
  const config = structuredClone(stackConfigInput(bundlesDir)) as Input
  edit(config)
  return config
}

function refusal(value: unknown): AwsStackError {
  try {
    validateStackConfig(value)
  } catch (error) {
    assert.ok(error instanceof AwsStackError, `not an AwsStackError: ${error}`)
    return error
  }
  assert.fail('the config was accepted')
}

const cases: { name: string; config: unknown; code: AwsStackErrorCode; field: string }[] = [
  {
    name: '2 sealers with tolerance 1 (planSealers: 2f+1 = 3 needed)',
    config: input((c) => c.sealers.nodes.pop()),
    code: 'AWS_STACK_SEALERS_TOO_FEW',
    field: 'sealers.nodes',
  },
  {
    name: '3 sealers with tolerance 2 (5 needed)',
    config: input((c) => {
      c.sealers.tolerateFailures = 2
      c.availabilityZones.push('ap-northeast-1b', 'ap-northeast-1e')
    }),
    code: 'AWS_STACK_SEALERS_TOO_FEW',
    field: 'sealers.nodes',
  },
  {
    name: 'fewer zones than sealers',
    config: input((c) => c.availabilityZones.pop()),
    code: 'AWS_STACK_ZONES_TOO_FEW',
    field: 'availabilityZones',
  },
  {
    name: 'a zone of another region',
    config: input((c) => {
      c.availabilityZones[2] = 'us-east-1a'
    }),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'availabilityZones.2',
  },
  {
    name: 'one zone twice',
    config: input((c) => {
      c.availabilityZones[2] = 'ap-northeast-1a'
    }),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'availabilityZones',
  },
  {
    name: 'a tolerance planSealers refuses',
    config: input((c) => {
      c.sealers.tolerateFailures = -1
    }),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.tolerateFailures',
  },
  {
    name: 'a sealer instance type whose family does not exist (t9)',
    config: input((c) => Object.assign(c.sealers, { instanceType: 't9.xlarge' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.instanceType',
  },
  {
    name: 'a sealer instance type whose size does not exist (xxlarge)',
    config: input((c) => Object.assign(c.sealers, { instanceType: 't2.xxlarge' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.instanceType',
  },
  {
    name: 'a Lightning instance type without a size',
    config: input((c) => Object.assign(c.lightning, { instanceType: 't3' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'lightning.instanceType',
  },
  {
    name: 'a VPC CIDR with a prefix over 32',
    config: input((c) => Object.assign(c, { vpc: { cidr: '10.0.0.0/33' } })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'vpc.cidr',
  },
  {
    name: 'a VPC CIDR too small for six /24 subnets',
    config: input((c) => Object.assign(c, { vpc: { cidr: '10.0.0.0/24' } })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'vpc.cidr',
  },
  {
    name: 'an SSH CIDR with an octet over 255',
    config: input((c) => Object.assign(c.bastion, { sshCidr: '203.0.113.256/32' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'bastion.sshCidr',
  },
  {
    name: 'an SSH CIDR with host bits set',
    config: input((c) => Object.assign(c.bastion, { sshCidr: '203.0.113.7/24' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'bastion.sshCidr',
  },
  {
    name: 'SSH from the whole internet',
    config: input((c) => Object.assign(c.bastion, { sshCidr: '0.0.0.0/0' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'bastion.sshCidr',
  },
  {
    name: 'an RPC client block that is not a CIDR',
    config: input((c) => Object.assign(c, { rpc: { clientCidrs: ['10.0.0.0/16', 'office'] } })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'rpc.clientCidrs.1',
  },
  {
    name: 'an RPC listener open to the whole internet',
    config: input((c) => Object.assign(c, { rpc: { clientCidrs: ['0.0.0.0/0'] } })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'rpc.clientCidrs.0',
  },
  {
    name: "a missing sealer's keystore parameter name",
    config: input((c) => {
      delete (c.sealers.nodes[1]?.parameters as Partial<Record<string, string>> | undefined)?.keystore
    }),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.nodes.1.parameters.keystore',
  },
  {
    name: 'an empty lnd TLS key parameter name',
    config: input((c) => Object.assign(c.lightning.parameters, { tlsKey: '' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'lightning.parameters.tlsKey',
  },
  {
    name: 'a parameter name under the reserved aws prefix',
    config: input((c) => Object.assign(c.lightning.parameters, { walletPassword: '/aws/lnd/password' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'lightning.parameters.walletPassword',
  },
  {
    name: 'a missing geth artifact',
    config: input((c) => {
      delete (c.artifacts as Record<string, unknown>).geth
    }),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'artifacts.geth',
  },
  {
    name: 'a geth artifact given as an internet URL',
    config: input((c) =>
      Object.assign(c.artifacts, { geth: 'https://gethstore.blob.core.windows.net/builds/geth.tar.gz' }),
    ),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'artifacts.geth',
  },
  {
    name: 'two sealers with one signer',
    config: input((c) => Object.assign(c.sealers.nodes[1] as object, { signer: c.sealers.nodes[0]?.signer })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.nodes.1.signer',
  },
  {
    name: 'an enode id of the wrong length',
    config: input((c) => Object.assign(c.sealers.nodes[2] as object, { enodeId: `0x${'ab'.repeat(33)}` })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.nodes.2.enodeId',
  },
  {
    name: 'an enode id that is no secp256k1 public key (geth would refuse it at boot)',
    config: input((c) => Object.assign(c.sealers.nodes[1] as object, { enodeId: `0x${'a1'.repeat(64)}` })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.nodes.1.enodeId',
  },
  {
    name: 'sender addresses not matching the sending keys',
    config: input((c) => c.lightning.senderAddresses.push('0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF')),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'lightning.senderAddresses',
  },
  {
    name: 'a sender address with a broken EIP-55 checksum',
    config: input((c) => {
      c.lightning.senderAddresses[0] = '0x7e5F4552091A69125d5DfCb7b8C2659029395Bdf'
    }),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'lightning.senderAddresses.0',
  },
  {
    name: 'a misspelled setting',
    config: input((c) => Object.assign(c.sealers, { volumeGb: 500 })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'sealers.volumeGb',
  },
  {
    name: 'a gas limit below 5000',
    config: input((c) => Object.assign(c.chain, { gasLimit: 4999 })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'chain.gasLimit',
  },
  {
    name: 'an issuance chain id other than chain.networkId',
    config: input((c) => Object.assign(c.issuance, { chainId: 1 })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'issuance.chainId',
  },
  {
    name: 'an issuance section without its bundles',
    config: input((c) => Object.assign(c.issuance, { bundlesDir: '/nonexistent/chainops-bundles' })),
    code: 'AWS_STACK_CONFIG_INVALID',
    field: 'issuance.bundlesDir',
  },
]

describe('validateStackConfig', () => {
  it('fills the defaults of seed 000: t2.xlarge sealers with 500 GiB, 1000 GiB Bitcoin volume, RPC from the VPC only', () => {
    const config = validateStackConfig(stackConfigInput(bundlesDir))
    assert.equal(config.stackName, 'Chainops')
    assert.equal(config.sealers.instanceType, 't2.xlarge')
    assert.equal(config.sealers.volumeGiB, 500)
    assert.equal(config.sealers.tolerateFailures, 1)
    assert.equal(config.bitcoin.volumeGiB, 1000)
    assert.deepEqual(config.bitcoin.clientCidrs, ['0.0.0.0/0'])
    assert.deepEqual(config.vpc, { cidr: '10.0.0.0/16', natGateways: 1 })
    assert.deepEqual(config.rpc, { port: 8545, healthPort: 8550, clientCidrs: ['10.0.0.0/16'] })
    assert.equal(config.chain.gasLimit, 30_000_000n)
    assert.deepEqual(config.artifacts.geth, { bucket: 'chainops-artifacts', key: 'geth/v1.13.15/geth' })
    assert.equal(config.lightning.grpcPort, 10009)
    assert.equal(config.issuance.chainId, 2789)
    assert.equal(config.issuance.lndCertParameter, '/chainops/lnd/tls-cert')
    assert.equal(config.issuance.invoiceMacaroonParameter, '/chainops/lnd/invoice-macaroon')
    assert.equal(config.issuance.readOnlyMacaroonParameter, '/chainops/lnd/readonly-macaroon')
  })

  it('accepts 5 sealers over 5 zones with tolerance 2, and an instance type with a dash in its family (m7i-flex.large)', () => {
    const config = validateStackConfig(
      input((c) => {
        c.sealers.tolerateFailures = 2
        c.availabilityZones.push('ap-northeast-1b', 'ap-northeast-1e')
        c.sealers.nodes.push(
          ...['d4', 'e5'].map((byte, i) => ({
            signer: `0x${byte.repeat(20)}`,
            enodeId: enodeIdFromNodeKey(new Secret(`0x${byte.repeat(32)}`)),
            parameters: { nodeKey: `/s${i}/k`, keystore: `/s${i}/ks`, password: `/s${i}/p` },
          })),
        )
        Object.assign(c.sealers, { instanceType: 'm7i-flex.large' })
      }),
    )
    assert.equal(config.sealers.nodes.length, 5)
    assert.equal(config.sealers.instanceType, 'm7i-flex.large')
  })

  for (const { name, config, code, field } of cases) {
    it(`refuses ${name}: ${code} naming ${field}`, () => {
      const error = refusal(config)
      assert.equal(error.code, code)
      assert.equal(error.field, field, error.message)
      assert.match(error.message, new RegExp(`\\[${code}\\]`))
      assert.ok(error.message.includes(field), error.message)
    })
  }

  it('keeps planSealers refusal as the cause of a bad tolerance', () => {
    const error = refusal(input((c) => Object.assign(c.sealers, { tolerateFailures: 1.5 })))
    assert.ok(error.cause instanceof CliqueError)
    assert.equal(error.cause.code, 'CLIQUE_PLAN_INVALID')
  })

  it('never echoes a value: a private key pasted into a parameter name is named by field, not quoted', () => {
    const key = `0x${'4c'.repeat(32)}`
    const error = refusal(input((c) => Object.assign(c.sealers.nodes[0]?.parameters as object, { nodeKey: key })))
    assert.equal(error.field, 'sealers.nodes.0.parameters.nodeKey')
    assert.ok(!error.message.includes(key.slice(2, 20)), error.message)
    assert.ok(!JSON.stringify(error).includes(key.slice(2, 20)))
  })

  it('refuses before synth: synthChainopsStack throws the same typed error and builds nothing', () => {
    assert.throws(
      () =>
        synthChainopsStack(
          input((c) => c.sealers.nodes.pop()),
          { outdir: '/nonexistent/never-written' },
        ),
      (error: unknown) =>
        error instanceof AwsStackError && error.code === 'AWS_STACK_SEALERS_TOO_FEW' && error.field === 'sealers.nodes',
    )
  })
})
