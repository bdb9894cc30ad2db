import type { IssuanceConfig } from '../issuance/IssuanceConfig.ts'

/**
 * The one config of the chainops AWS stack, after {@link validateStackConfig}: every default
 * filled in, every name checked. Secrets are never in it, only the names of the SSM parameters
 * (SecureString) that hold them and the S3 objects the binaries come from.
 */
export type ChainopsStackConfig = {
  /** The CloudFormation stack name. Default `Chainops`. */
  stackName: string
  /** The 12-digit AWS account: the stack's env is fixed, so synth needs no credentials. */
  account: string
  /** e.g. `ap-northeast-1`. */
  region: string
  /** Zone names, pinned (no context lookups); at least one per sealer, each sealer in its own. */
  availabilityZones: readonly string[]
  vpc: {
    /** The VPC's IPv4 block, /16 to /21. Default `10.0.0.0/16`. */
    cidr: string
    /** NAT gateways for the private subnets' egress (tor, SQS, SSM). Default 1. */
    natGateways: number
  }
  /** SSM parameter of the AMI id (a CloudFormation parameter, resolved at deploy). Default Amazon Linux 2023 x86_64. */
  amiParameter: string
  /** Where the binaries come from: S3 objects the instance roles may read, one object each (never the internet). */
  artifacts: {
    /** geth v1.13.15 (the last release that seals Clique), a single executable. */
    geth: S3Object
    /** lnd, a single executable. */
    lnd: S3Object
    /** btcd, a single executable. */
    btcd: S3Object
    /** tor, a single executable. */
    tor: S3Object
    /** The settle subscriber: the `settle-subscriber.tar.gz` of examples/lambda/build.ts, whose `bin/subscriber` runs it on `node`. */
    settleSubscriber: S3Object
    /** Node.js >= 22.12 for the lnd host, the official tarball as nodejs.org ships it (`node-v22.x.y-linux-x64.tar.xz`, its top folder holding `bin/node`): the settle subscriber's runtime. */
    node: S3Object
  }
  chain: {
    /** The chain id / network id (the seed: 2789). */
    networkId: number
    /** The sealers' gas ceiling (use planCapacity). */
    gasLimit: bigint
    /** The genesis JSON (from `chainops genesis build`), read once by `geth init`. */
    genesis: S3Object
  }
  sealers: {
    /** Sealers that may be down while blocks keep coming; planSealers gives the count it needs. Default 1. */
    tolerateFailures: number
    /** Default `t2.xlarge` (the seed). */
    instanceType: string
    /** The chain data volume, gp3, encrypted. Default 500 (the seed). */
    volumeGiB: number
    /** One per sealer, each placed in its own zone in order. */
    nodes: readonly SealerNodeConfig[]
  }
  rpc: {
    /** Where the load balancer's listener and the nodes' RPC geth listen. Default 8545. */
    port: number
    /** The nodes' health responder (GET /health, `eth_blockNumber` behind it). Default 8550. */
    healthPort: number
    /** Who may reach the listener (besides the issuance functions). Default the VPC's block. */
    clientCidrs: readonly string[]
  }
  bastion: {
    /** The only source SSH is admitted from. /0 is refused. */
    sshCidr: string
    /** The EC2 key pair's name. */
    keyPairName: string
    /** Default `t3.micro`. */
    instanceType: string
  }
  lightning: {
    /** Default `t3.large`. */
    instanceType: string
    /** lnd's data volume, gp3, encrypted. Default 100. */
    volumeGiB: number
    /** lnd's gRPC port, admitted only from the functions' security group. Default 10009. */
    grpcPort: number
    /**
     * The sending keys' addresses, in the order of `issuance.operatorKeyParameters`: the settle
     * subscriber fixes each paid invoice's sender (its FIFO group) from them; the keys themselves
     * never reach the lnd host.
     */
    senderAddresses: readonly `0x${string}`[]
    /** SSM parameters lnd and the functions read; values never enter the template. */
    parameters: {
      /** lnd's TLS certificate, the base64 of its PEM (a String: it is public; its SAN holds the node's private IP). */
      tlsCert: string
      /** lnd's TLS key (SecureString). */
      tlsKey: string
      /** lnd's wallet password (SecureString), for `wallet-unlock-password-file`. */
      walletPassword: string
      /** A macaroon that may only create and read invoices (SecureString), for the invoice function and the subscriber. */
      invoiceMacaroon: string
      /** A read-only macaroon (SecureString). */
      readOnlyMacaroon: string
    }
  }
  bitcoin: {
    /** `mainnet` (default), `testnet`, `signet` or `regtest`. */
    network: 'mainnet' | 'testnet' | 'signet' | 'regtest'
    /** Default `m5.large`. */
    instanceType: string
    /** The chain volume, gp3, encrypted. Default 1000 (the seed). */
    volumeGiB: number
    /** Who may reach btcd's p2p port (neutrino client wallets). Default `0.0.0.0/0`: a public Bitcoin node. */
    clientCidrs: readonly string[]
  }
  /**
   * The issuance functions' section (IssuanceFunctions). `chainId` and the lnd parameter names
   * (`lndCertParameter`, `invoiceMacaroonParameter`, `readOnlyMacaroonParameter`) are filled in from
   * `chain` and `lightning.parameters`; given here as well, they must agree.
   */
  issuance: IssuanceConfig
}

/** An S3 object, `s3://bucket/key`, split. */
export type S3Object = { bucket: string; key: string }

/** One sealer: its public identity and the SSM names of its secrets. */
export type SealerNodeConfig = {
  /** The signer address sealed into the genesis extraData. */
  signer: `0x${string}`
  /** The node's enode id (64-byte public key of its node key), so static peers are known in advance. */
  enodeId: `0x${string}`
  parameters: {
    /** The node key, hex (SecureString). */
    nodeKey: string
    /** The signer's keystore JSON (SecureString). */
    keystore: string
    /** The keystore's password (SecureString). */
    password: string
  }
}
