import { Stack } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { Construct } from 'constructs'
import type { S3Object } from '../config/ChainopsStackConfig.ts'
import { grantReadObjects } from '../iam/grantReadObjects.ts'
import { grantReadParameters } from '../iam/grantReadParameters.ts'
import { createNodeInstance } from '../instances/createNodeInstance.ts'
import { useUniqueLaunchTemplateNames } from '../instances/useUniqueLaunchTemplateNames.ts'
import { hostInSubnet } from '../network/hostInSubnet.ts'
import { readS3Command } from '../network/readS3Command.ts'
import { subnetInZone } from '../network/subnetInZone.ts'
import { dataVolumeCommands } from '../userData/dataVolumeCommands.ts'
import { parameterToFileCommand } from '../userData/parameterToFileCommand.ts'
import { systemdUnitCommands } from '../userData/systemdUnitCommands.ts'
import { writeFileCommand } from '../userData/writeFileCommand.ts'

export type LightningNodeProps = {
  vpc: ec2.IVpc
  /** The zone of its private subnet. */
  availabilityZone: string
  network: 'mainnet' | 'testnet' | 'signet' | 'regtest'
  /** The Bitcoin node lnd's neutrino backend dials, `host:port`. */
  bitcoinPeer: string
  /** `node`: the settle subscriber's runtime (Node.js >= 22.12, the official linux tarball). */
  artifacts: { lnd: S3Object; tor: S3Object; settleSubscriber: S3Object; node: S3Object }
  /** SSM parameter names; lnd's TLS pair and wallet password are read at boot, the macaroons by their users. */
  parameters: {
    tlsCert: string
    tlsKey: string
    walletPassword: string
    invoiceMacaroon: string
    readOnlyMacaroon: string
  }
  /** Default `t3.large`. */
  instanceType?: string
  /** Default 100. */
  volumeGiB?: number
  /** Default 10009. */
  grpcPort?: number
  machineImage: ec2.IMachineImage
  keyPair?: ec2.IKeyPair
}

export type SettleSubscriberProps = {
  /** The mint queue (SQS FIFO) the subscriber sends each settled invoice to; its name without `.fifo`. */
  queue: { queueArn: string; queueName: string }
  /** The mint queue's dead-letter queue: the subscriber's SqsQueue resolves its URL too. */
  deadLetterQueue: { queueArn: string }
  /** The issuance store: invoice records, the settle cursor and the active/standby lease. */
  table: { tableArn: string; tableName: string }
  /** The sending keys' addresses, in key order: each paid invoice is fixed to one of them. */
  senders: readonly string[]
  /** The longest invoice expiry the invoice API allows, when not lightning's default. */
  maxInvoiceExpirySeconds?: number | undefined
}

/** The store calls the subscriber makes; a transaction is authorized by the Put, Delete and ConditionCheck items it holds. */
const STORE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
]

const LND_DIR = '/data/lnd'

/**
 * The operator's lnd, in a private subnet: its gRPC port admits the issuance functions' security
 * group only ({@link LightningNode.allowGrpcFrom}), SSH the bastion only. Peers reach it over tor
 * (an onion service; tor.skip-proxy-for-clearnet-targets lets its neutrino backend dial the Bitcoin
 * node's private IP directly). Its TLS pair and wallet password come from SSM at boot (so the
 * functions pin the same certificate, whose SAN is {@link LightningNode.privateIp}); the
 * least-privilege macaroons stay in SSM for their readers. Beside it runs the settle subscriber
 * ({@link LightningNode.addSettleSubscriber}), which pushes each settled invoice to the mint queue.
 */
export class LightningNode extends Construct {
  readonly instance: ec2.Instance
  readonly securityGroup: ec2.SecurityGroup
  readonly grpcPort: number
  /** Its fixed private IP: the gRPC host of the functions and the SAN of lnd's certificate. */
  readonly privateIp: string
  readonly parameters: LightningNodeProps['parameters']
  private readonly props: LightningNodeProps
  private subscriber = false

  constructor(scope: Construct, id: string, props: LightningNodeProps) {
    super(scope, id)
    useUniqueLaunchTemplateNames(this)
    const {
      vpc,
      availabilityZone,
      network,
      bitcoinPeer,
      artifacts,
      parameters,
      instanceType = 't3.large',
      volumeGiB = 100,
      grpcPort = 10009,
      machineImage,
      keyPair,
    } = props
    this.props = props
    this.grpcPort = grpcPort
    this.parameters = parameters
    const { region } = Stack.of(this)
    const subnet = subnetInZone(vpc, ec2.SubnetType.PRIVATE_WITH_EGRESS, availabilityZone)
    this.privateIp = hostInSubnet(subnet.ipv4CidrBlock, 20)
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'chainops lnd: gRPC from the issuance functions only; peers over tor',
      allowAllOutbound: true,
    })
    const lndConf = [
      '[Application Options]',
      `lnddir=${LND_DIR}`,
      `rpclisten=0.0.0.0:${grpcPort}`,
      'norest=true',
      'listen=localhost:9735',
      `tlscertpath=${LND_DIR}/tls.cert`,
      `tlskeypath=${LND_DIR}/tls.key`,
      'tlsautorefresh=false',
      `wallet-unlock-password-file=${LND_DIR}/wallet.password`,
      'wallet-unlock-allow-create=true',
      '[Bitcoin]',
      `bitcoin.${network}=true`,
      'bitcoin.node=neutrino',
      '[neutrino]',
      `neutrino.connect=${bitcoinPeer}`,
      '[tor]',
      'tor.active=true',
      'tor.v3=true',
      'tor.socks=127.0.0.1:9050',
      'tor.control=127.0.0.1:9051',
      'tor.skip-proxy-for-clearnet-targets=true',
    ].join('\n')
    const torrc = [
      'SocksPort 127.0.0.1:9050',
      'ControlPort 127.0.0.1:9051',
      'CookieAuthentication 1',
      'DataDirectory /data/tor',
    ].join('\n')
    const userData = ec2.UserData.forLinux()
    userData.addCommands(
      'set -euo pipefail',
      ...dataVolumeCommands('/data'),
      'id lnd >/dev/null 2>&1 || useradd --system --home-dir /data --shell /sbin/nologin lnd',
      readS3Command(artifacts.lnd, '/usr/local/bin/lnd', region),
      readS3Command(artifacts.tor, '/usr/local/bin/tor', region),
      'chmod 0755 /usr/local/bin/lnd /usr/local/bin/tor',
      parameterToFileCommand(parameters.tlsCert, `${LND_DIR}/tls.cert`, 'lnd', region, { base64: true }),
      parameterToFileCommand(parameters.tlsKey, `${LND_DIR}/tls.key`, 'lnd', region),
      parameterToFileCommand(parameters.walletPassword, `${LND_DIR}/wallet.password`, 'lnd', region),
      writeFileCommand(`${LND_DIR}/lnd.conf`, lndConf),
      writeFileCommand('/etc/tor/torrc', torrc),
      'install -d -o lnd -g lnd -m 0700 /data/tor && chown -R lnd:lnd /data',
      ...systemdUnitCommands({
        name: 'tor',
        description: 'tor: the onion service and proxy of lnd',
        user: 'lnd',
        execStart: '/usr/local/bin/tor -f /etc/tor/torrc',
      }),
      ...systemdUnitCommands({
        name: 'lnd',
        description: 'lnd (neutrino backend, peers over tor)',
        user: 'lnd',
        after: ['tor.service'],
        execStart: `/usr/local/bin/lnd --configfile=${LND_DIR}/lnd.conf`,
      }),
    )
    this.instance = createNodeInstance(this, 'Instance', {
      vpc,
      subnet,
      instanceType,
      machineImage,
      securityGroup: this.securityGroup,
      userData,
      dataVolumeGiB: volumeGiB,
      privateIpAddress: this.privateIp,
      ...(keyPair === undefined ? {} : { keyPair }),
    })
    grantReadObjects(this, this.instance, [artifacts.lnd, artifacts.tor])
    grantReadParameters(this, this.instance, [parameters.tlsCert, parameters.tlsKey, parameters.walletPassword])
  }

  /** Admits a security group (the issuance functions') to lnd's gRPC port; nothing else reaches it. */
  allowGrpcFrom(peer: ec2.ISecurityGroup): void {
    this.securityGroup.addIngressRule(peer, ec2.Port.tcp(this.grpcPort), 'lnd gRPC from the issuance functions only')
  }

  /**
   * Runs the settle subscriber beside lnd: a tarball from S3 (`bin/subscriber`) started by systemd
   * with the queue and table names, lnd's local socket and the senders' addresses in its environment; the instance role
   * may send to that queue, use that table, and read the certificate and read-only macaroon.
   */
  addSettleSubscriber(props: SettleSubscriberProps): void {
    if (this.subscriber) throw new Error('the settle subscriber is added once')
    this.subscriber = true
    const { queue, deadLetterQueue, table, senders, maxInvoiceExpirySeconds } = props
    const { region } = Stack.of(this)
    const { settleSubscriber, node } = this.props.artifacts
    this.instance.userData.addCommands(
      'id chainops >/dev/null 2>&1 || useradd --system --home-dir /opt/chainops --shell /sbin/nologin chainops',
      // Its runtime: Node.js from S3 (the official tarball; tar detects .xz or .gz), not the distribution's.
      readS3Command(node, '/tmp/node.tar', region),
      'install -d /opt/chainops/node && tar -xf /tmp/node.tar -C /opt/chainops/node --strip-components=1 --no-same-owner',
      readS3Command(settleSubscriber, '/tmp/settle-subscriber.tar.gz', region),
      'install -d /opt/chainops/settle-subscriber && tar -xzf /tmp/settle-subscriber.tar.gz -C /opt/chainops/settle-subscriber',
      ...systemdUnitCommands({
        name: 'chainops-settle-subscriber',
        description: 'chainops settle subscriber: settled invoices to the mint queue',
        user: 'chainops',
        after: ['lnd.service'],
        execStart: '/opt/chainops/settle-subscriber/bin/subscriber',
        environment: {
          // what bin/subscriber runs the bundle with
          CHAINOPS_NODE: '/opt/chainops/node/bin/node',
          AWS_REGION: region,
          CHAINOPS_TABLE: table.tableName,
          CHAINOPS_MINT_QUEUE: queue.queueName,
          CHAINOPS_LND_SOCKET: `127.0.0.1:${this.grpcPort}`,
          CHAINOPS_LND_CERT_PARAMETER: this.parameters.tlsCert,
          CHAINOPS_LND_MACAROON_PARAMETER: this.parameters.readOnlyMacaroon,
          // the cursor's and lease's key: one lnd node
          CHAINOPS_SETTLE_NODE: 'lnd',
          CHAINOPS_SENDERS: senders.join(','),
          ...(maxInvoiceExpirySeconds === undefined
            ? {}
            : { CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS: String(maxInvoiceExpirySeconds) }),
        },
      }),
    )
    grantReadObjects(this, this.instance, [settleSubscriber, node])
    grantReadParameters(this, this.instance, [this.parameters.readOnlyMacaroon])
    const role = this.instance.role
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['sqs:SendMessage', 'sqs:GetQueueUrl', 'sqs:GetQueueAttributes'],
        resources: [queue.queueArn],
      }),
    )
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:GetQueueUrl'], resources: [deadLetterQueue.queueArn] }),
    )
    role.addToPrincipalPolicy(new PolicyStatement({ actions: STORE_ACTIONS, resources: [table.tableArn] }))
  }
}
