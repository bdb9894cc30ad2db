import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FORBIDDEN_RPC_MODULES } from '@chainops/clique'
import { Template } from 'aws-cdk-lib/assertions'
import { type SynthChainopsStackReturnType, synthChainopsStack } from '../src/index.ts'
import { heredocFile } from './heredocFile.ts'
import { renderUserData } from './renderUserData.ts'
import { emptyBundlesDir, sealerEnodeIds, stackConfigInput } from './stackConfigInput.ts'

type Resource = { Type: string; Properties: Record<string, unknown> }
type RuleProperties = {
  IpProtocol: string | number
  FromPort?: number
  ToPort?: number
  CidrIp?: string
  CidrIpv6?: string
  SourceSecurityGroupId?: unknown
  GroupId?: unknown
}
type BlockDevice = { DeviceName: string; Ebs: Record<string, unknown> }
type Statement = { Action: string | string[]; Resource: unknown }
type PolicyDocument = { Statement: Statement[] }
type Join = { 'Fn::Join': [string, unknown[]] }
type Rule = { group: string; protocol: string; from: number; to: number; cidr?: string; source?: string }

/** A security group's logical id from `{"Fn::GetAtt": [id, "GroupId"]}` or `{"Ref": id}`. */
const groupId = (value: unknown): string => {
  const intrinsic = value as { 'Fn::GetAtt'?: string[]; Ref?: string }
  return intrinsic['Fn::GetAtt']?.[0] ?? intrinsic.Ref ?? JSON.stringify(value)
}
const ref = (value: unknown): string => (value as { Ref: string }).Ref
/** The second device, the data volume, of an instance. */
const dataVolume = (instance: Resource | undefined) =>
  (instance?.Properties.BlockDeviceMappings as BlockDevice[] | undefined)?.find((m) => m.DeviceName === '/dev/xvdb')

/** Every ingress rule of the template: inline in a group, or its own resource. */
function ingressRules(resources: Record<string, Resource>): Rule[] {
  const rules: Rule[] = []
  const push = (group: string, r: RuleProperties) =>
    rules.push({
      group,
      protocol: String(r.IpProtocol),
      from: r.FromPort ?? 0,
      to: r.ToPort ?? 65535,
      ...(r.CidrIp === undefined ? {} : { cidr: r.CidrIp }),
      ...(r.CidrIpv6 === undefined ? {} : { cidr: r.CidrIpv6 }),
      ...(r.SourceSecurityGroupId === undefined ? {} : { source: groupId(r.SourceSecurityGroupId) }),
    })
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::EC2::SecurityGroup')
      for (const r of (resource.Properties.SecurityGroupIngress as RuleProperties[] | undefined) ?? []) push(id, r)
    if (resource.Type === 'AWS::EC2::SecurityGroupIngress') {
      const r = resource.Properties as RuleProperties
      push(groupId(r.GroupId), r)
    }
  }
  return rules
}

const covers = (rule: Rule, port: number) =>
  (rule.protocol === '-1' || rule.protocol === 'tcp') && rule.from <= port && port <= rule.to

describe('ChainopsStack (synthesized offline from stackConfigInput)', function () {
  this.timeout(180_000)
  let result: SynthChainopsStackReturnType
  let template: Template
  let resources: Record<string, Resource>
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type)
  const sealerInstances = () => ofType('AWS::EC2::Instance').filter(([id]) => id.startsWith('SealersSealer'))
  const groupOf = (prefix: string) => {
    const groups = ofType('AWS::EC2::SecurityGroup').filter(([id]) => id.startsWith(prefix))
    assert.equal(groups.length, 1, `one security group ${prefix}`)
    return (groups[0] as [string, Resource])[0]
  }

  before(() => {
    result = synthChainopsStack(stackConfigInput(emptyBundlesDir()))
    template = Template.fromJSON(result.template)
    resources = result.template.Resources as Record<string, Resource>
  })

  it('writes the template and asset manifest into the assembly and asks AWS for nothing (no missing context)', () => {
    assert.equal(result.stackName, 'Chainops')
    assert.deepEqual(JSON.parse(readFileSync(result.templateFile, 'utf8')), result.template)
    assert.equal(result.assetManifestFile, join(result.outdir, 'Chainops.assets.json'))
    const manifest = JSON.parse(readFileSync(join(result.outdir, 'manifest.json'), 'utf8'))
    assert.equal(manifest.missing, undefined)
    assert.equal(manifest.artifacts.Chainops.environment, 'aws://123456789012/ap-northeast-1')
  })

  it('places 3 t2.xlarge sealers in 3 distinct zones, each with a 500 GiB encrypted gp3 volume kept on termination', () => {
    const sealers = sealerInstances()
    assert.equal(sealers.length, 3)
    const zones = sealers.map(([, r]) => {
      const subnet = resources[ref(r.Properties.SubnetId)] as Resource
      assert.equal(subnet.Type, 'AWS::EC2::Subnet')
      return subnet.Properties.AvailabilityZone
    })
    assert.deepEqual(zones, ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'])
    for (const [, r] of sealers) {
      assert.equal(r.Properties.InstanceType, 't2.xlarge')
      assert.deepEqual(dataVolume(r)?.Ebs, {
        DeleteOnTermination: false,
        Encrypted: true,
        VolumeSize: 500,
        VolumeType: 'gp3',
      })
    }
    // private subnets: no public address
    for (const [, r] of sealers) {
      const subnet = resources[ref(r.Properties.SubnetId)] as Resource
      assert.equal(subnet.Properties.MapPublicIpOnLaunch, false)
    }
  })

  it('requires IMDSv2 on every instance through launch templates with distinct names', () => {
    const templates = ofType('AWS::EC2::LaunchTemplate')
    assert.equal(templates.length, ofType('AWS::EC2::Instance').length)
    const names = templates.map(([, r]) => r.Properties.LaunchTemplateName)
    assert.equal(new Set(names).size, names.length, `${names}`)
    for (const [, r] of templates)
      assert.deepEqual(r.Properties.LaunchTemplateData, { MetadataOptions: { HttpTokens: 'required' } })
  })

  it('gives the Bitcoin node a 1000 GiB encrypted gp3 volume and an Elastic IP in a public subnet for the wallets', () => {
    const [bitcoinId, bitcoin] = ofType('AWS::EC2::Instance').find(([id]) => id.startsWith('BitcoinInstance')) ?? []
    const [[, address]] = ofType('AWS::EC2::EIP').filter(([id]) => id.startsWith('Bitcoin')) as [[string, Resource]]
    assert.deepEqual(address.Properties, { Domain: 'vpc', InstanceId: { Ref: bitcoinId } })
    const subnet = resources[ref(bitcoin?.Properties.SubnetId)] as Resource
    assert.equal(subnet.Properties.MapPublicIpOnLaunch, true)
    assert.match(
      renderUserData(bitcoin?.Properties.UserData),
      /^ExecStart=\/usr\/local\/bin\/btcd .*--listen=0\.0\.0\.0:8333/m,
    )
    assert.deepEqual(dataVolume(bitcoin)?.Ebs, {
      DeleteOnTermination: false,
      Encrypted: true,
      VolumeSize: 1000,
      VolumeType: 'gp3',
    })
  })

  it('admits outside-the-VPC traffic only to the RPC listener (VPC block), the bastion SSH (its CIDR) and Bitcoin p2p', () => {
    const cidrRules = ingressRules(resources).filter((rule) => rule.cidr !== undefined)
    assert.deepEqual(
      cidrRules.map(({ group, protocol, from, to, cidr }) => ({ group, protocol, from, to, cidr })),
      [
        { group: groupOf('BastionSecurityGroup'), protocol: 'tcp', from: 22, to: 22, cidr: '203.0.113.0/24' },
        { group: groupOf('RpcSecurityGroup'), protocol: 'tcp', from: 8545, to: 8545, cidr: '10.0.0.0/16' },
        { group: groupOf('BitcoinSecurityGroup'), protocol: 'tcp', from: 8333, to: 8333, cidr: '0.0.0.0/0' },
      ],
    )
    for (const rule of ingressRules(resources)) {
      if (rule.cidr === '0.0.0.0/0' || rule.cidr === '::/0') {
        for (const port of [22, 8545, 8546, 8550, 10009, 30303])
          assert.ok(!covers(rule, port), `${rule.group} opens ${port} to the world`)
      }
    }
  })

  it('admits SSH into the sealers, lnd and the Bitcoin node only from the bastion', () => {
    const bastion = groupOf('BastionSecurityGroup')
    for (const prefix of ['SealersSecurityGroup', 'LightningSecurityGroup', 'BitcoinSecurityGroup']) {
      const ssh = ingressRules(resources).filter((rule) => rule.group === groupOf(prefix) && covers(rule, 22))
      assert.deepEqual(ssh, [{ group: groupOf(prefix), protocol: 'tcp', from: 22, to: 22, source: bastion }], prefix)
    }
  })

  it("admits lnd's gRPC port only from the issuance functions' security group", () => {
    const lnd = groupOf('LightningSecurityGroup')
    const grpc = ingressRules(resources).filter((rule) => rule.group === lnd && covers(rule, 10009))
    assert.deepEqual(grpc, [
      { group: lnd, protocol: 'tcp', from: 10009, to: 10009, source: groupOf('IssuanceFunctionsSecurityGroup') },
    ])
  })

  it("admits the RPC geths' port only from the load balancer, and the listener from the VPC and the functions", () => {
    const lb = groupOf('RpcSecurityGroup')
    const sealers = groupOf('SealersSecurityGroup')
    const toGeth = ingressRules(resources).filter(
      (rule) => rule.group === sealers && (covers(rule, 8545) || covers(rule, 8550)),
    )
    assert.deepEqual(
      toGeth.map((rule) => [rule.from, rule.source]),
      [
        [8545, lb],
        [8550, lb],
      ],
    )
    const toListener = ingressRules(resources).filter((rule) => rule.group === lb)
    assert.deepEqual(
      toListener.map((rule) => rule.cidr ?? rule.source),
      ['10.0.0.0/16', groupOf('IssuanceFunctionsSecurityGroup')],
    )
  })

  it('puts the RPC geths behind an internal ALB whose health check is GET /health on the eth_blockNumber responder', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Type: 'application',
    })
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8545, Protocol: 'HTTP' })
    const [[, group]] = ofType('AWS::ElasticLoadBalancingV2::TargetGroup') as [[string, Resource]]
    assert.equal(group.Properties.HealthCheckPath, '/health')
    assert.equal(group.Properties.HealthCheckPort, '8550')
    assert.deepEqual(group.Properties.Matcher, { HttpCode: '200' })
    assert.deepEqual(
      (group.Properties.Targets as { Id: unknown; Port: number }[]).map((t) => [ref(t.Id), t.Port]),
      sealerInstances().map(([id]) => [id, 8545]),
    )
    const script = renderUserData((sealerInstances()[0] as [string, Resource])[1].Properties.UserData)
    const responder = heredocFile(script, '/usr/local/lib/geth-health.py') ?? ''
    assert.match(responder, /"method":"eth_blockNumber"/)
    assert.match(responder, /HTTPServer\(\('0\.0\.0\.0', 8550\)/)
  })

  it('runs per server a sealer with no HTTP/WS at all and a keyless RPC geth exposing eth,net,web3 only', () => {
    for (const [id, r] of sealerInstances()) {
      const script = renderUserData(r.Properties.UserData)
      const sealer = heredocFile(script, '/etc/geth/sealer.toml') ?? assert.fail(`${id}: no sealer.toml`)
      const rpc = heredocFile(script, '/etc/geth/rpc.toml') ?? assert.fail(`${id}: no rpc.toml`)
      assert.match(sealer, /^HTTPHost = ""$/m)
      assert.match(sealer, /^WSHost = ""$/m)
      assert.doesNotMatch(sealer, /HTTPModules|WSModules|HTTPPort/)
      assert.deepEqual(rpc.match(/^HTTPModules = .*$/gm), ['HTTPModules = ["eth", "net", "web3"]'])
      assert.match(rpc, /^WSHost = ""$/m)
      assert.doesNotMatch(rpc, /WSModules|Etherbase/)
      const execStarts = script.match(/^ExecStart=.*$/gm) ?? []
      assert.equal(execStarts.length, 3)
      for (const line of execStarts) {
        assert.doesNotMatch(line, /--http|--ws|--allow-insecure-unlock|--graphql|--authrpc\.addr/, line)
        for (const module of FORBIDDEN_RPC_MODULES)
          assert.ok(!rpc.includes(`"${module}"`), `${id}: ${module} in rpc.toml`)
      }
      assert.ok(
        execStarts.some((line) =>
          line.startsWith('ExecStart=/usr/local/bin/geth --config /etc/geth/sealer.toml --mine'),
        ),
      )
      assert.ok(
        execStarts.includes(
          `ExecStart=/usr/local/bin/geth --config /etc/geth/rpc.toml --nat extip:${r.Properties.PrivateIpAddress}`,
        ),
      )
      // the RPC geth holds no key: only the sealer's datadir gets the keystore and password
      assert.deepEqual(
        [...script.matchAll(/> '([^']+)'\)$/gm)].map((m) => m[1]),
        ['/data/sealer/geth/nodekey', '/data/sealer/keystore/signer.json', '/data/sealer/signer.password'],
      )
    }
  })

  it('lists every other sealer as static peer and bootnode at its fixed private IP', () => {
    const hosts = sealerInstances().map(([, r]) => r.Properties.PrivateIpAddress)
    assert.deepEqual(hosts, ['10.0.3.10', '10.0.4.10', '10.0.5.10'])
    const ids = sealerEnodeIds.map((id) => id.slice(2))
    for (const [i, [, r]] of sealerInstances().entries()) {
      const toml = heredocFile(renderUserData(r.Properties.UserData), '/etc/geth/sealer.toml') ?? ''
      const others = ids.map((id, j) => `"enode://${id}@${hosts[j]}:30303"`).filter((_, j) => j !== i)
      assert.ok(toml.includes(`StaticNodes = [${others.join(', ')}]`), toml)
      assert.ok(toml.includes(`BootstrapNodes = [${others.join(', ')}]`), toml)
    }
    const rpc = heredocFile(
      renderUserData((sealerInstances()[0] as [string, Resource])[1].Properties.UserData),
      '/etc/geth/rpc.toml',
    )
    const all = ids.map((id, j) => `"enode://${id}@${hosts[j]}:30303"`)
    assert.ok(rpc?.includes(`StaticNodes = [${all.join(', ')}]`), rpc)
  })

  it('copies geth from the configured S3 object and nothing from the internet', () => {
    for (const [, r] of sealerInstances()) {
      const script = renderUserData(r.Properties.UserData)
      assert.ok(
        script.includes(
          "aws s3 cp --only-show-errors --region ap-northeast-1 's3://chainops-artifacts/geth/v1.13.15/geth' '/usr/local/bin/geth'",
        ),
      )
      assert.doesNotMatch(script, /curl|wget|dnf |yum |pip /)
      // the one URL is the health responder's call to the local RPC geth
      assert.deepEqual([...new Set(script.match(/https?:\/\/[^'"\s]+/g))], ['http://127.0.0.1:8545'])
    }
  })

  it('scopes every IAM statement: no * action, no * resource except the Lambda VPC network-interface calls', () => {
    // AWS grants these only on "*" (no resource-level permissions): the Lambda VPC execution set.
    const starOnly = new Set([
      'ec2:CreateNetworkInterface',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSubnets',
      'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses',
      'ec2:UnassignPrivateIpAddresses',
    ])
    const statements = [
      ...ofType('AWS::IAM::Policy').flatMap(([id, r]) =>
        (r.Properties.PolicyDocument as PolicyDocument).Statement.map((s) => [id, s] as const),
      ),
      ...ofType('AWS::IAM::Role').flatMap(([id, r]) =>
        ((r.Properties.Policies as { PolicyDocument: PolicyDocument }[] | undefined) ?? []).flatMap((p) =>
          p.PolicyDocument.Statement.map((s) => [id, s] as const),
        ),
      ),
    ]
    assert.ok(statements.length >= 20, `${statements.length} statements`)
    for (const [id, statement] of statements) {
      const actions: string[] = [statement.Action].flat()
      const resourcesOf: unknown[] = [statement.Resource].flat()
      for (const action of actions) assert.doesNotMatch(action, /\*/, `${id}: action ${action}`)
      if (resourcesOf.includes('*')) {
        for (const action of actions) assert.ok(starOnly.has(action), `${id}: ${action} on *`)
      }
    }
    for (const [, r] of ofType('AWS::IAM::Role')) assert.equal(r.Properties.ManagedPolicyArns, undefined)
    // the sealer's role reads exactly its own three parameters
    const [, sealer1] = ofType('AWS::IAM::Policy').find(([id]) => id.startsWith('SealersSealer1')) ?? assert.fail()
    const ssm = (sealer1.Properties.PolicyDocument as PolicyDocument).Statement.find(
      (s) => s.Action === 'ssm:GetParameter',
    )
    assert.deepEqual(
      (ssm?.Resource as Join[] | undefined)?.map((arn) => arn['Fn::Join'][1].at(-1)),
      ['nodekey', 'keystore', 'password'].map(
        (n) => `:ssm:ap-northeast-1:123456789012:parameter/chainops/sealer-1/${n}`,
      ),
    )
  })

  it('runs lnd with tor and the settle subscriber beside it, sending to the mint queue', () => {
    const [, lnd] = ofType('AWS::EC2::Instance').find(([id]) => id.startsWith('LightningInstance')) ?? []
    assert.equal(lnd?.Properties.PrivateIpAddress, '10.0.3.20')
    const script = renderUserData(lnd?.Properties.UserData)
    const conf = heredocFile(script, '/data/lnd/lnd.conf') ?? ''
    for (const line of [
      'tor.active=true',
      'tor.v3=true',
      'rpclisten=0.0.0.0:10009',
      'bitcoin.node=neutrino',
      'norest=true',
    ])
      assert.ok(conf.split('\n').includes(line), line)
    const bitcoinIp = (
      ofType('AWS::EC2::Instance').find(([id]) => id.startsWith('BitcoinInstance')) as [string, Resource]
    )[1].Properties.PrivateIpAddress
    assert.ok(conf.split('\n').includes(`neutrino.connect=${bitcoinIp}:8333`))
    assert.match(script, /^Environment=CHAINOPS_MINT_QUEUE=chainops-mint$/m)
    assert.match(script, /^Environment=CHAINOPS_SENDERS=0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf$/m)
    // the lnd host never gets a sending key: its role reads lnd's parameters only
    assert.doesNotMatch(script, /operator/)
    const lndPolicies = ofType('AWS::IAM::Policy').filter(([id]) => id.startsWith('LightningInstance'))
    assert.equal(lndPolicies.length, 1)
    assert.doesNotMatch(JSON.stringify(lndPolicies), /operator/)
    assert.match(script, /^Environment=CHAINOPS_TABLE=\{\{Ref:IssuanceStore[0-9A-F]+\}\}$/m)
    assert.match(script, /^ExecStart=\/opt\/chainops\/settle-subscriber\/bin\/subscriber$/m)
    // What examples/lambda/settleSubscriber.ts reads (test/lambda/settleSubscriberProgram.test.ts
    // runs the program with these; CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS only when the config sets it).
    const unit = heredocFile(script, '/etc/systemd/system/chainops-settle-subscriber.service') ?? ''
    assert.deepEqual(
      [...unit.matchAll(/^Environment=([A-Z0-9_]+)=/gm)].map((m) => m[1]),
      [
        'CHAINOPS_NODE',
        'AWS_REGION',
        'CHAINOPS_TABLE',
        'CHAINOPS_MINT_QUEUE',
        'CHAINOPS_LND_SOCKET',
        'CHAINOPS_LND_CERT_PARAMETER',
        'CHAINOPS_LND_MACAROON_PARAMETER',
        'CHAINOPS_SETTLE_NODE',
        'CHAINOPS_SENDERS',
      ],
    )
    assert.match(unit, /^Environment=CHAINOPS_NODE=\/opt\/chainops\/node\/bin\/node$/m)
    assert.match(unit, /^Environment=CHAINOPS_LND_CERT_PARAMETER=\/chainops\/lnd\/tls-cert$/m)
    assert.match(unit, /^Environment=CHAINOPS_LND_MACAROON_PARAMETER=\/chainops\/lnd\/readonly-macaroon$/m)
    assert.match(unit, /^Environment=CHAINOPS_SETTLE_NODE=lnd$/m)
    // its Node from S3, unpacked before the unit starts
    assert.ok(
      script.includes(
        "aws s3 cp --only-show-errors --region ap-northeast-1 's3://chainops-artifacts/node/v22.21.1/node-v22.21.1-linux-x64.tar.xz' '/tmp/node.tar'",
      ),
    )
    assert.ok(
      script.indexOf('/opt/chainops/node --strip-components=1') < script.indexOf('chainops-settle-subscriber.service'),
    )
    assert.match(script, /^ExecStart=\/usr\/local\/bin\/tor -f \/etc\/tor\/torrc$/m)
  })
})
