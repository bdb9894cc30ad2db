import { type GethNodeConfig, gethConfig } from '@chainops/clique'
import { Stack } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import { Construct } from 'constructs'
import type { S3Object, SealerNodeConfig } from '../config/ChainopsStackConfig.ts'
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
import { healthResponderScript } from './healthResponderScript.ts'

export type CliqueSealersProps = {
  vpc: ec2.IVpc
  /** One zone per sealer, in order; each sealer sits in that zone's private subnet. */
  availabilityZones: readonly string[]
  nodes: readonly SealerNodeConfig[]
  chain: { networkId: number; gasLimit: bigint; genesis: S3Object }
  /** The geth v1.13.15 executable, copied from S3 with the instance role at boot. */
  geth: S3Object
  /** Default `t2.xlarge`. */
  instanceType?: string
  /** Default 500. */
  volumeGiB?: number
  /** The RPC geth's HTTP port. Default 8545. */
  rpcPort?: number
  /** The health responder's port. Default 8550. */
  healthPort?: number
  machineImage: ec2.IMachineImage
  keyPair?: ec2.IKeyPair
  /** Where the data volume is mounted; the geths' datadirs are `<dataDir>/sealer` and `<dataDir>/rpc`. Default `/data`. */
  dataDir?: string
}

/** The sealer's and the RPC geth's p2p ports on each server. */
const SEALER_P2P = 30303
const RPC_P2P = 30304
/** Host part of each sealer's fixed private IP in its subnet. */
const SEALER_HOST_OFFSET = 10
/** The RPC geth's identity is generated on its first start: nobody dials it, it dials the sealers. */
const UNDIALED_ENODE_ID = `0x${'01'.repeat(64)}` as const

/**
 * N Clique sealers over N zones (the seed: 3, so one may stop). Each server runs two geths from
 * one geth binary copied from S3: the sealer (its signer unlocked, no HTTP at all: `clique_*`
 * and the key are reachable over IPC on the box only; its enode is every other node's bootnode
 * and static peer, so each server carries a bootnode) and an RPC geth without any key whose HTTP
 * serves `eth,net,web3` only, for the load balancer, with a health responder beside it. The
 * configs are `gethConfig`'s (@chainops/clique); each server's chain data is on its own
 * encrypted gp3 volume (500 GiB by default). Secrets (node key, keystore, password) come from SSM
 * at boot, read by the instance's role, which may read exactly those parameters and objects.
 */
export class CliqueSealers extends Construct {
  readonly instances: readonly ec2.Instance[]
  /** Every geth on the servers: p2p among themselves, RPC and health from the load balancer only. */
  readonly securityGroup: ec2.SecurityGroup
  /** The sealers' configs (TOML and flags) as the servers get them. */
  readonly sealerConfigs: readonly GethNodeConfig[]
  /** The RPC geths' config: each server's is the same. */
  readonly rpcConfig: GethNodeConfig
  readonly rpcPort: number
  readonly healthPort: number

  constructor(scope: Construct, id: string, props: CliqueSealersProps) {
    super(scope, id)
    useUniqueLaunchTemplateNames(this)
    const {
      vpc,
      availabilityZones,
      nodes,
      chain,
      geth,
      instanceType = 't2.xlarge',
      volumeGiB = 500,
      rpcPort = 8545,
      healthPort = 8550,
      machineImage,
      keyPair,
      dataDir: DATA = '/data',
    } = props
    if (availabilityZones.length < nodes.length) throw new RangeError('one availability zone per sealer is needed')
    const { region } = Stack.of(this)
    this.rpcPort = rpcPort
    this.healthPort = healthPort

    const subnets = nodes.map((_, i) =>
      subnetInZone(vpc, ec2.SubnetType.PRIVATE_WITH_EGRESS, availabilityZones[i] as string),
    )
    const hosts = subnets.map((subnet) => hostInSubnet(subnet.ipv4CidrBlock, SEALER_HOST_OFFSET))
    const sealerSpecs = nodes.map((node, i) => ({
      name: `sealer-${i + 1}`,
      role: 'sealer' as const,
      host: hosts[i] as string,
      enodeId: node.enodeId,
      zone: availabilityZones[i] as string,
      p2pPort: SEALER_P2P,
      signer: node.signer,
    }))
    this.sealerConfigs = gethConfig({
      networkId: chain.networkId,
      gasLimit: chain.gasLimit,
      dataDir: `${DATA}/sealer`,
      nodes: sealerSpecs,
    }).nodes
    const withRpc = gethConfig({
      networkId: chain.networkId,
      gasLimit: chain.gasLimit,
      dataDir: `${DATA}/rpc`,
      nodes: [
        ...sealerSpecs,
        {
          name: 'rpc',
          role: 'rpc',
          host: '127.0.0.1',
          enodeId: UNDIALED_ENODE_ID,
          p2pPort: RPC_P2P,
          httpPort: rpcPort,
        },
      ],
    }).nodes
    this.rpcConfig = withRpc[withRpc.length - 1] as GethNodeConfig

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'chainops sealers: geth p2p among the servers; RPC and health from the load balancer only',
      allowAllOutbound: true,
    })
    for (const port of [SEALER_P2P, RPC_P2P]) {
      this.securityGroup.addIngressRule(this.securityGroup, ec2.Port.tcp(port), 'geth p2p between the servers')
      this.securityGroup.addIngressRule(this.securityGroup, ec2.Port.udp(port), 'geth discovery (bootnodes)')
    }

    this.instances = nodes.map((node, i) => {
      const sealer = this.sealerConfigs[i] as GethNodeConfig
      const userData = ec2.UserData.forLinux()
      const sealerDir = `${DATA}/sealer`
      const rpcDir = `${DATA}/rpc`
      userData.addCommands(
        'set -euo pipefail',
        ...dataVolumeCommands(DATA),
        `id geth >/dev/null 2>&1 || useradd --system --home-dir ${DATA} --shell /sbin/nologin geth`,
        readS3Command(geth, '/usr/local/bin/geth', region),
        'chmod 0755 /usr/local/bin/geth',
        readS3Command(chain.genesis, '/etc/geth/genesis.json', region),
        parameterToFileCommand(node.parameters.nodeKey, `${sealerDir}/geth/nodekey`, 'geth', region),
        parameterToFileCommand(node.parameters.keystore, `${sealerDir}/keystore/signer.json`, 'geth', region),
        parameterToFileCommand(node.parameters.password, `${sealerDir}/signer.password`, 'geth', region),
        writeFileCommand('/etc/geth/sealer.toml', sealer.toml),
        writeFileCommand('/etc/geth/rpc.toml', this.rpcConfig.toml),
        writeFileCommand('/usr/local/lib/geth-health.py', healthResponderScript(rpcPort, healthPort)),
        `install -d -o geth -g geth ${rpcDir}`,
        `for d in ${sealerDir} ${rpcDir}; do [ -d $d/geth/chaindata ] || sudo -u geth /usr/local/bin/geth init --datadir $d /etc/geth/genesis.json; done`,
        `chown -R geth:geth ${DATA}`,
        ...systemdUnitCommands({
          name: 'geth-sealer',
          description: 'Clique sealer (IPC only) and bootnode',
          user: 'geth',
          execStart: [
            '/usr/local/bin/geth --config /etc/geth/sealer.toml',
            ...sealer.args,
            `--nat extip:${hosts[i]}`,
          ].join(' '),
        }),
        ...systemdUnitCommands({
          name: 'geth-rpc',
          description: 'RPC geth (eth,net,web3) behind the load balancer, no keys',
          user: 'geth',
          execStart: `/usr/local/bin/geth --config /etc/geth/rpc.toml --nat extip:${hosts[i]}`,
        }),
        ...systemdUnitCommands({
          name: 'geth-health',
          description: 'GET /health: 200 while the RPC geth head moves',
          user: 'geth',
          after: ['geth-rpc.service'],
          execStart: '/usr/bin/python3 /usr/local/lib/geth-health.py',
        }),
      )
      const instance = createNodeInstance(this, `Sealer${i + 1}`, {
        vpc,
        subnet: subnets[i] as ec2.ISubnet,
        instanceType,
        machineImage,
        securityGroup: this.securityGroup,
        userData,
        dataVolumeGiB: volumeGiB,
        privateIpAddress: hosts[i] as string,
        ...(keyPair === undefined ? {} : { keyPair }),
      })
      grantReadObjects(this, instance, [geth, chain.genesis])
      grantReadParameters(this, instance, [node.parameters.nodeKey, node.parameters.keystore, node.parameters.password])
      return instance
    })
  }

  /** Admits the load balancer to the RPC geths and their health responders. */
  allowRpcFrom(peer: ec2.IPeer): void {
    this.securityGroup.addIngressRule(peer, ec2.Port.tcp(this.rpcPort), 'RPC (eth,net,web3) from the load balancer')
    this.securityGroup.addIngressRule(peer, ec2.Port.tcp(this.healthPort), 'health checks from the load balancer')
  }
}
