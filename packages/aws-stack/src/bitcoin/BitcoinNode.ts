import { Stack } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import { Construct } from 'constructs'
import type { S3Object } from '../config/ChainopsStackConfig.ts'
import { grantReadObjects } from '../iam/grantReadObjects.ts'
import { createNodeInstance } from '../instances/createNodeInstance.ts'
import { useUniqueLaunchTemplateNames } from '../instances/useUniqueLaunchTemplateNames.ts'
import { hostInSubnet } from '../network/hostInSubnet.ts'
import { readS3Command } from '../network/readS3Command.ts'
import { subnetInZone } from '../network/subnetInZone.ts'
import { dataVolumeCommands } from '../userData/dataVolumeCommands.ts'
import { systemdUnitCommands } from '../userData/systemdUnitCommands.ts'

export type BitcoinNetwork = 'mainnet' | 'testnet' | 'signet' | 'regtest'

export type BitcoinNodeProps = {
  vpc: ec2.IVpc
  /** The zone of its public subnet. */
  availabilityZone: string
  network?: BitcoinNetwork
  /** The btcd executable, copied from S3 with the instance role at boot. */
  btcd: S3Object
  /** Default `m5.large`. */
  instanceType?: string
  /** Default 1000 (the seed). */
  volumeGiB?: number
  /** Who may reach the p2p port: the neutrino client wallets. Default `0.0.0.0/0` (a public Bitcoin node). */
  clientCidrs?: readonly string[]
  machineImage: ec2.IMachineImage
  keyPair?: ec2.IKeyPair
}

const P2P_PORTS: Record<BitcoinNetwork, number> = { mainnet: 8333, testnet: 18333, signet: 38333, regtest: 18444 }
const NETWORK_FLAGS: Record<BitcoinNetwork, string[]> = {
  mainnet: [],
  testnet: ['--testnet'],
  signet: ['--signet'],
  regtest: ['--regtest'],
}

/**
 * The Bitcoin node the client wallets (lnd in neutrino mode) and the operator's lnd connect to:
 * btcd, which serves the compact block filters neutrino needs by default, with its chain on an
 * encrypted gp3 volume (1000 GiB by default), in a public subnet behind an Elastic IP so wallets
 * outside the VPC reach its p2p port. Its RPC is off (`--norpc`): nothing here needs it.
 */
export class BitcoinNode extends Construct {
  readonly instance: ec2.Instance
  readonly securityGroup: ec2.SecurityGroup
  readonly p2pPort: number
  /** Its fixed private IP, what lnd's `neutrino.connect` dials. */
  readonly privateIp: string
  readonly elasticIp: ec2.CfnEIP

  constructor(scope: Construct, id: string, props: BitcoinNodeProps) {
    super(scope, id)
    useUniqueLaunchTemplateNames(this)
    const {
      vpc,
      availabilityZone,
      network = 'mainnet',
      btcd,
      instanceType = 'm5.large',
      volumeGiB = 1000,
      clientCidrs = ['0.0.0.0/0'],
      machineImage,
      keyPair,
    } = props
    const { region } = Stack.of(this)
    this.p2pPort = P2P_PORTS[network]
    const subnet = subnetInZone(vpc, ec2.SubnetType.PUBLIC, availabilityZone)
    this.privateIp = hostInSubnet(subnet.ipv4CidrBlock, 10)
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'chainops Bitcoin node: p2p for neutrino wallets',
      allowAllOutbound: true,
    })
    for (const cidr of clientCidrs) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(this.p2pPort), 'Bitcoin p2p (neutrino)')
    }
    const userData = ec2.UserData.forLinux()
    userData.addCommands(
      'set -euo pipefail',
      ...dataVolumeCommands('/data'),
      'id btcd >/dev/null 2>&1 || useradd --system --home-dir /data --shell /sbin/nologin btcd',
      readS3Command(btcd, '/usr/local/bin/btcd', region),
      'chmod 0755 /usr/local/bin/btcd',
      'install -d -o btcd -g btcd /data/btcd',
      ...systemdUnitCommands({
        name: 'btcd',
        description: 'btcd: Bitcoin full node serving compact filters to neutrino wallets',
        user: 'btcd',
        execStart: [
          '/usr/local/bin/btcd --datadir=/data/btcd --logdir=/data/btcd/logs --norpc',
          `--listen=0.0.0.0:${this.p2pPort}`,
          ...NETWORK_FLAGS[network],
        ].join(' '),
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
    grantReadObjects(this, this.instance, [btcd])
    this.elasticIp = new ec2.CfnEIP(this, 'Address', { domain: 'vpc', instanceId: this.instance.instanceId })
  }

  /** Admits a security group (the Lightning node) to the p2p port. */
  allowPeer(peer: ec2.ISecurityGroup): void {
    this.securityGroup.addIngressRule(peer, ec2.Port.tcp(this.p2pPort), 'Bitcoin p2p from the Lightning node')
  }
}
