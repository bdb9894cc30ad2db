import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import type { Construct } from 'constructs'
import { Bastion } from '../bastion/Bastion.ts'
import { BitcoinNode } from '../bitcoin/BitcoinNode.ts'
import type { ChainopsStackConfig } from '../config/ChainopsStackConfig.ts'
import { IssuanceFunctions } from '../issuance/IssuanceFunctions.ts'
import { LightningNode } from '../lightning/LightningNode.ts'
import { CliqueRpc } from '../rpc/CliqueRpc.ts'
import { CliqueSealers } from '../sealers/CliqueSealers.ts'

export type ChainopsStackProps = Omit<StackProps, 'env' | 'stackName'> & {
  /** A config from validateStackConfig. */
  config: ChainopsStackConfig
}

/**
 * The whole production topology of seed 000 ("サーバ構成") from one validated config: a VPC over
 * the pinned zones (public subnets: bastion, Bitcoin node, NAT; private: sealers, RPC load
 * balancer, lnd, functions), the Clique sealers with their RPC load balancer, the bastion, the
 * Bitcoin and Lightning nodes and the issuance functions, wired so that only the listener (to its
 * client blocks), the bastion's SSH (to its block) and the Bitcoin p2p port face outside the VPC.
 * Its env is fixed and its zones come from the config (the `availabilityZones` getter), so synth
 * never asks AWS anything and needs no credentials.
 */
export class ChainopsStack extends Stack {
  readonly config: ChainopsStackConfig
  readonly vpc: ec2.IVpc
  readonly sealers: CliqueSealers
  readonly rpc: CliqueRpc
  readonly bastion: Bastion
  readonly bitcoin: BitcoinNode
  readonly lightning: LightningNode
  readonly issuance: IssuanceFunctions

  constructor(scope: Construct, id: string, props: ChainopsStackProps) {
    const { config, ...rest } = props
    super(scope, id, { ...rest, stackName: config.stackName, env: { account: config.account, region: config.region } })
    this.config = config
    const zones = [...config.availabilityZones]
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'zones are pinned on purpose: one sealer per named zone, and synth never looks zones up',
    })

    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(config.vpc.cidr),
      availabilityZones: zones,
      natGateways: config.vpc.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
      // The default group's lockdown is a Lambda-backed custom resource; nothing here uses that group.
      restrictDefaultSecurityGroup: false,
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    })
    // aws-cdk-lib's own types disagree under exactOptionalPropertyTypes (`vpnGatewayId?: string`).
    this.vpc = vpc as ec2.IVpc
    const machineImage = ec2.MachineImage.fromSsmParameter(config.amiParameter)
    const keyPair = ec2.KeyPair.fromKeyPairName(this, 'KeyPair', config.bastion.keyPairName)

    this.bastion = new Bastion(this, 'Bastion', {
      vpc: this.vpc,
      sshCidr: config.bastion.sshCidr,
      keyPair,
      instanceType: config.bastion.instanceType,
      machineImage,
    })
    this.sealers = new CliqueSealers(this, 'Sealers', {
      vpc: this.vpc,
      availabilityZones: zones,
      nodes: config.sealers.nodes,
      chain: config.chain,
      geth: config.artifacts.geth,
      instanceType: config.sealers.instanceType,
      volumeGiB: config.sealers.volumeGiB,
      rpcPort: config.rpc.port,
      healthPort: config.rpc.healthPort,
      machineImage,
      keyPair,
    })
    this.rpc = new CliqueRpc(this, 'Rpc', { vpc: this.vpc, sealers: this.sealers, clientCidrs: config.rpc.clientCidrs })
    this.bitcoin = new BitcoinNode(this, 'Bitcoin', {
      vpc: this.vpc,
      availabilityZone: zones[0] as string,
      network: config.bitcoin.network,
      btcd: config.artifacts.btcd,
      instanceType: config.bitcoin.instanceType,
      volumeGiB: config.bitcoin.volumeGiB,
      clientCidrs: config.bitcoin.clientCidrs,
      machineImage,
      keyPair,
    })
    this.lightning = new LightningNode(this, 'Lightning', {
      vpc: this.vpc,
      availabilityZone: zones[0] as string,
      network: config.bitcoin.network,
      bitcoinPeer: `${this.bitcoin.privateIp}:${this.bitcoin.p2pPort}`,
      artifacts: config.artifacts,
      parameters: config.lightning.parameters,
      instanceType: config.lightning.instanceType,
      volumeGiB: config.lightning.volumeGiB,
      grpcPort: config.lightning.grpcPort,
      machineImage,
      keyPair,
    })
    this.bitcoin.allowPeer(this.lightning.securityGroup)
    this.bastion.allowSshTo(this.sealers.securityGroup)
    this.bastion.allowSshTo(this.lightning.securityGroup)
    this.bastion.allowSshTo(this.bitcoin.securityGroup)

    this.issuance = new IssuanceFunctions(this, 'Issuance', {
      ...config.issuance,
      vpc: this.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      lnd: { host: this.lightning.privateIp, grpcPort: this.lightning.grpcPort },
      rpcUrl: this.rpc.url,
    })
    this.lightning.allowGrpcFrom(this.issuance.functionsSecurityGroup)
    this.rpc.loadBalancer.connections.allowFrom(
      this.issuance.functionsSecurityGroup,
      ec2.Port.tcp(this.rpc.port),
      'chain RPC from the issuance functions',
    )
    this.lightning.addSettleSubscriber({
      queue: { queueArn: this.issuance.mintQueue.queueArn, queueName: this.issuance.mintQueueName },
      deadLetterQueue: this.issuance.deadLetterQueue,
      table: this.issuance.table,
      senders: config.lightning.senderAddresses,
      maxInvoiceExpirySeconds: config.issuance.maxInvoiceExpirySeconds,
    })

    new CfnOutput(this, 'RpcUrl', { value: this.rpc.url, description: 'the chain RPC (eth,net,web3) inside the VPC' })
    new CfnOutput(this, 'BastionPublicIp', { value: this.bastion.instance.instancePublicIp })
    new CfnOutput(this, 'BitcoinPublicIp', {
      value: this.bitcoin.elasticIp.ref,
      description: 'what neutrino wallets connect to',
    })
    new CfnOutput(this, 'LndPrivateIp', {
      value: this.lightning.privateIp,
      description: "the SAN of lnd's certificate",
    })
    if (this.issuance.httpApi.url) new CfnOutput(this, 'InvoiceApiUrl', { value: this.issuance.httpApi.url })
  }

  /** The config's zones: pinned, so no `availability-zones` context lookup ever happens. */
  override get availabilityZones(): string[] {
    return [...this.config.availabilityZones]
  }
}
