import { addressSchema } from '@chainops/core'
import * as v from 'valibot'
import { isInstanceTypeName } from './isInstanceTypeName.ts'
import { isSecp256k1Point } from './isSecp256k1Point.ts'
import { parseIpv4Cidr } from './parseIpv4Cidr.ts'

const cidr = v.pipe(
  v.string(),
  v.check((value) => parseIpv4Cidr(value) !== undefined, 'an IPv4 CIDR block a.b.c.d/n with its host bits zero'),
)
/** A CIDR a security group may admit: a real block, never the whole internet. */
const narrowCidr = v.pipe(
  cidr,
  v.check((value) => (parseIpv4Cidr(value)?.prefix ?? 0) > 0, 'a CIDR narrower than /0'),
)
const instanceType = v.pipe(
  v.string(),
  v.check(isInstanceTypeName, 'an EC2 instance type family.size that aws-cdk-lib knows, such as t2.xlarge'),
)
/** An SSM parameter name as SSM accepts it: a path starting with `/`, or a bare name; not under aws/ssm. */
const parameterName = v.pipe(
  v.string(),
  // a hex key or macaroon is a valid bare name: refuse what looks like a secret put in by mistake
  v.check((value) => !/^(0x)?[0-9a-fA-F]{64,}$/.test(value), 'a parameter name, not a key or macaroon'),
  v.check(
    (value) =>
      /^(\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/.test(value) && value.length <= 1011 && !/^\/?(aws|ssm)/i.test(value),
    'an SSM parameter name such as /chainops/lnd/tls-cert',
  ),
)
const s3Object = v.pipe(
  v.string(),
  v.regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/[^\s*?]+$/, 's3://bucket/key'),
  v.transform((uri) => {
    const rest = uri.slice('s3://'.length)
    const slash = rest.indexOf('/')
    return { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) }
  }),
)
const integer = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('a whole number'), v.minValue(min, `at least ${min}`), v.maxValue(max, `at most ${max}`))
const gasLimit = v.pipe(
  v.union([
    v.pipe(v.string(), v.regex(/^[1-9]\d{3,18}$/, 'a decimal integer')),
    v.pipe(v.number(), v.safeInteger('a safe integer')),
  ]),
  v.transform((value) => BigInt(value)),
  v.check((value) => value >= 5000n && value < 2n ** 63n, 'from 5000 to 2^63-1'),
)
const hex = (bytes: number, words: string) =>
  v.pipe(v.string(), v.regex(new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`), words))

const sealerNode = v.strictObject({
  signer: hex(20, 'a 20-byte 0x address') as v.GenericSchema<string, `0x${string}`>,
  enodeId: v.pipe(
    hex(64, 'the 64-byte 0x node public key'),
    v.check(
      isSecp256k1Point,
      'a secp256k1 public key (enodeIdFromNodeKey of the node key): geth refuses others at boot',
    ),
  ) as v.GenericSchema<string, `0x${string}`>,
  parameters: v.strictObject({ nodeKey: parameterName, keystore: parameterName, password: parameterName }),
})

/** The stack config's shape; cross-field rules (sealers against tolerance and zones) live in validateStackConfig. */
export const stackConfigSchema = v.strictObject({
  stackName: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'a stack name: a letter, then letters, digits, dashes'),
    ),
    'Chainops',
  ),
  account: v.pipe(v.string(), v.regex(/^\d{12}$/, 'a 12-digit account id')),
  region: v.pipe(v.string(), v.regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'a region such as ap-northeast-1')),
  availabilityZones: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'a zone such as ap-northeast-1a'))),
    v.check((zones) => new Set(zones).size === zones.length, 'distinct zone names'),
  ),
  vpc: v.optional(
    v.strictObject({
      cidr: v.optional(
        v.pipe(
          cidr,
          v.check((value) => {
            const prefix = parseIpv4Cidr(value)?.prefix ?? 0
            return prefix >= 16 && prefix <= 21
          }, 'a /16 to /21 block (six /24 subnets)'),
        ),
        '10.0.0.0/16',
      ),
      natGateways: v.optional(integer(1, 3), 1),
    }),
    {},
  ),
  amiParameter: v.optional(
    v.pipe(v.string(), v.regex(/^(\/[A-Za-z0-9_.-]+)+$/, 'an SSM parameter path holding an AMI id')),
    '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  ),
  artifacts: v.strictObject({
    geth: s3Object,
    lnd: s3Object,
    btcd: s3Object,
    tor: s3Object,
    settleSubscriber: s3Object,
    node: s3Object,
  }),
  chain: v.strictObject({
    networkId: integer(1, Number.MAX_SAFE_INTEGER),
    gasLimit,
    genesis: s3Object,
  }),
  sealers: v.strictObject({
    tolerateFailures: v.optional(v.number(), 1),
    instanceType: v.optional(instanceType, 't2.xlarge'),
    volumeGiB: v.optional(integer(100, 16384), 500),
    nodes: v.array(sealerNode),
  }),
  rpc: v.optional(
    v.strictObject({
      port: v.optional(integer(1024, 65535), 8545),
      healthPort: v.optional(integer(1024, 65535), 8550),
      clientCidrs: v.optional(v.pipe(v.array(narrowCidr), v.minLength(1, 'at least one block'))),
    }),
    {},
  ),
  bastion: v.strictObject({
    sshCidr: narrowCidr,
    keyPairName: v.pipe(v.string(), v.regex(/^[\x20-\x7e]{1,255}$/, 'an EC2 key pair name')),
    instanceType: v.optional(instanceType, 't3.micro'),
  }),
  lightning: v.strictObject({
    instanceType: v.optional(instanceType, 't3.large'),
    volumeGiB: v.optional(integer(20, 16384), 100),
    grpcPort: v.optional(integer(1024, 65535), 10009),
    senderAddresses: v.pipe(v.array(addressSchema), v.minLength(1, 'at least one sending key address')),
    parameters: v.strictObject({
      tlsCert: parameterName,
      tlsKey: parameterName,
      walletPassword: parameterName,
      invoiceMacaroon: parameterName,
      readOnlyMacaroon: parameterName,
    }),
  }),
  bitcoin: v.optional(
    v.strictObject({
      network: v.optional(v.picklist(['mainnet', 'testnet', 'signet', 'regtest']), 'mainnet'),
      instanceType: v.optional(instanceType, 'm5.large'),
      volumeGiB: v.optional(integer(100, 16384), 1000),
      clientCidrs: v.optional(v.pipe(v.array(cidr), v.minLength(1, 'at least one block')), ['0.0.0.0/0']),
    }),
    {},
  ),
  issuance: v.record(v.string(), v.unknown()),
})
