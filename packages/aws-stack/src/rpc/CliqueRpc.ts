import { Duration } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2'
import { InstanceTarget } from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets'
import { Construct } from 'constructs'
import type { CliqueSealers } from '../sealers/CliqueSealers.ts'

export type CliqueRpcProps = {
  vpc: ec2.IVpc
  sealers: CliqueSealers
  /** Who may reach the listener; admit a security group through `loadBalancer.connections`. */
  clientCidrs: readonly string[]
}

/**
 * The internal application load balancer in front of the servers' RPC geths (`eth,net,web3`
 * only; the sealers themselves serve no HTTP), the one way clients reach the chain's RPC. An ALB
 * because its health checks are HTTP and moto deploys it faithfully (it ignores an NLB's type);
 * its checks are GETs, so each server runs a responder that turns `GET /health` into a local
 * `eth_blockNumber` and fails when the head stops moving (see healthResponderScript). The
 * listener admits `clientCidrs` (default the VPC's block) and nothing else; it is never open to
 * 0.0.0.0/0.
 */
export class CliqueRpc extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer
  readonly securityGroup: ec2.SecurityGroup
  readonly port: number
  /** `http://<load balancer DNS name>:<port>` (a token until deploy). */
  readonly url: string

  constructor(scope: Construct, id: string, props: CliqueRpcProps) {
    super(scope, id)
    const { vpc, sealers, clientCidrs } = props
    this.port = sealers.rpcPort
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'chainops RPC load balancer: the listener from the given clients only',
      allowAllOutbound: false,
    })
    for (const cidr of clientCidrs) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(this.port), 'chain RPC clients')
    }
    this.securityGroup.addEgressRule(sealers.securityGroup, ec2.Port.tcp(sealers.rpcPort), 'to the RPC geths')
    this.securityGroup.addEgressRule(sealers.securityGroup, ec2.Port.tcp(sealers.healthPort), 'health checks')
    sealers.allowRpcFrom(this.securityGroup)

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: false,
      securityGroup: this.securityGroup,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    })
    const listener = this.loadBalancer.addListener('Rpc', {
      port: this.port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
    })
    listener.addTargets('Geth', {
      port: sealers.rpcPort,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: sealers.instances.map((instance) => new InstanceTarget(instance, sealers.rpcPort)),
      healthCheck: {
        port: String(sealers.healthPort),
        path: '/health',
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 2,
      },
      deregistrationDelay: Duration.seconds(30),
    })
    this.url = `http://${this.loadBalancer.loadBalancerDnsName}:${this.port}`
  }
}
