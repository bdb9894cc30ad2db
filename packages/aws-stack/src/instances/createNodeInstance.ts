import * as ec2 from 'aws-cdk-lib/aws-ec2'
import type { Construct } from 'constructs'

export type CreateNodeInstanceParameters = {
  vpc: ec2.IVpc
  subnet: ec2.ISubnet
  instanceType: string
  machineImage: ec2.IMachineImage
  securityGroup: ec2.ISecurityGroup
  userData: ec2.UserData
  /** GiB of the data volume (gp3, encrypted, kept when the instance goes); none without it. */
  dataVolumeGiB?: number
  /** A fixed private IP inside `subnet`, when peers must know it at synth. */
  privateIpAddress?: string
  keyPair?: ec2.IKeyPair
}

/**
 * One EC2 instance as every chainops node has it: IMDSv2 only, an encrypted gp3 root, the data
 * volume as a second block device (so it is created with the instance, in its zone), its own role.
 */
export function createNodeInstance(
  scope: Construct,
  id: string,
  parameters: CreateNodeInstanceParameters,
): ec2.Instance {
  const { vpc, subnet, instanceType, machineImage, securityGroup, userData, dataVolumeGiB, privateIpAddress, keyPair } =
    parameters
  const blockDevices: ec2.BlockDevice[] = [
    {
      deviceName: '/dev/xvda',
      volume: ec2.BlockDeviceVolume.ebs(30, { volumeType: ec2.EbsDeviceVolumeType.GP3, encrypted: true }),
    },
  ]
  if (dataVolumeGiB !== undefined) {
    blockDevices.push({
      deviceName: '/dev/xvdb',
      volume: ec2.BlockDeviceVolume.ebs(dataVolumeGiB, {
        volumeType: ec2.EbsDeviceVolumeType.GP3,
        encrypted: true,
        deleteOnTermination: false,
      }),
    })
  }
  return new ec2.Instance(scope, id, {
    vpc,
    vpcSubnets: { subnets: [subnet] },
    instanceType: new ec2.InstanceType(instanceType),
    machineImage,
    securityGroup,
    userData,
    blockDevices,
    requireImdsv2: true,
    ...(privateIpAddress === undefined ? {} : { privateIpAddress }),
    ...(keyPair === undefined ? {} : { keyPair }),
  })
}
