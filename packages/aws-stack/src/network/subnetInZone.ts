import * as ec2 from 'aws-cdk-lib/aws-ec2'

/** The VPC's first subnet of `subnetType` in `zone` (a node is pinned to one zone); a RangeError when the VPC has none there. */
export function subnetInZone(vpc: ec2.IVpc, subnetType: ec2.SubnetType, zone: string): ec2.ISubnet {
  const subnet = vpc.selectSubnets({ subnetType, availabilityZones: [zone] }).subnets[0]
  if (!subnet) {
    const kind = subnetType === ec2.SubnetType.PUBLIC ? 'public' : 'private'
    throw new RangeError(`no ${kind} subnet in ${zone}`)
  }
  return subnet
}
