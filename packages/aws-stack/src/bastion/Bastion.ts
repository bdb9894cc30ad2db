import * as ec2 from 'aws-cdk-lib/aws-ec2'
import { Construct } from 'constructs'
import { useUniqueLaunchTemplateNames } from '../instances/useUniqueLaunchTemplateNames.ts'

export type BastionProps = {
  vpc: ec2.IVpc
  /** The one source SSH is admitted from (an office or VPN block), never 0.0.0.0/0. */
  sshCidr: string
  keyPair: ec2.IKeyPair
  /** Default `t3.micro`. */
  instanceType?: string
  machineImage: ec2.IMachineImage
}

/**
 * The bastion: the only way into the sealers and the Lightning node (they admit SSH from its
 * security group alone), itself reachable over SSH from `sshCidr` only. Session Manager is the
 * alternative without any open port or key pair: give the nodes' roles
 * `AmazonSSMManagedInstanceCore` and VPC endpoints for ssm/ssmmessages/ec2messages instead of this
 * construct (not done here, to keep every IAM statement scoped to named resources).
 */
export class Bastion extends Construct {
  readonly instance: ec2.Instance
  readonly securityGroup: ec2.SecurityGroup

  constructor(scope: Construct, id: string, props: BastionProps) {
    super(scope, id)
    useUniqueLaunchTemplateNames(this)
    const { vpc, sshCidr, keyPair, instanceType = 't3.micro', machineImage } = props
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'chainops bastion: SSH from the operators block only',
      allowAllOutbound: true,
    })
    this.securityGroup.addIngressRule(ec2.Peer.ipv4(sshCidr), ec2.Port.tcp(22), 'SSH from the operators')
    this.instance = new ec2.Instance(this, 'Instance', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      instanceType: new ec2.InstanceType(instanceType),
      machineImage,
      securityGroup: this.securityGroup,
      keyPair,
      requireImdsv2: true,
      associatePublicIpAddress: true,
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          volume: ec2.BlockDeviceVolume.ebs(8, { volumeType: ec2.EbsDeviceVolumeType.GP3, encrypted: true }),
        },
      ],
    })
  }

  /** Lets the bastion SSH into a node's security group. */
  allowSshTo(target: ec2.ISecurityGroup): void {
    target.addIngressRule(this.securityGroup, ec2.Port.tcp(22), 'SSH from the bastion only')
  }
}
