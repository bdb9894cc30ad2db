import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { StackResourceSummary } from '@aws-sdk/client-cloudformation'
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  CreateKeyPairCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2'
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge'
import { GetFunctionCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda'
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { type MotoServer, startMoto } from '@chainops/devnet'
import { type SynthChainopsStackReturnType, synthChainopsStack } from '../src/index.ts'
import { stackConfigInput } from './stackConfigInput.ts'
import { deployAssemblyToMoto, type MotoDeployment } from './support/deployAssemblyToMoto.ts'

const run = promisify(execFile)
const repoRoot = new URL('../../../', import.meta.url).pathname
type Resource = { Type: string; Properties?: Record<string, unknown> }

/**
 * What moto 5.2.5's CloudFormation skips without a word: no resource, no event, no error (the
 * stack still reaches CREATE_COMPLETE). The template assertions check these instead (README,
 * "The AWS stack").
 */
const SKIPPED_BY_MOTO = [
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Stage',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::SQS::QueuePolicy',
]

describe('ChainopsStack deployed into moto CloudFormation from its cloud assembly, read back through the service APIs @integration', function () {
  this.timeout(300_000)
  let dir: string
  let moto: MotoServer | undefined
  let synth: SynthChainopsStackReturnType
  let deployment: MotoDeployment
  let input: ReturnType<typeof stackConfigInput>
  const lndCertBase64 = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64')

  const resources = () => synth.template.Resources as Record<string, Resource>
  /** The logical ids of the template's resources of `type` (whose `Name` tag matches `name`, when given). */
  const logicalIds = (type: string, name?: RegExp) =>
    Object.entries(resources())
      .filter(([, resource]) => resource.Type === type)
      .filter(([, resource]) => {
        if (name === undefined) return true
        const tags = (resource.Properties?.Tags ?? []) as { Key: string; Value: string }[]
        return name.test(tags.find((tag) => tag.Key === 'Name')?.Value ?? '')
      })
      .map(([id]) => id)
      .sort()
  const physicalId = (logicalId: string) => {
    const found = deployment.resources.find((r: StackResourceSummary) => r.LogicalResourceId === logicalId)
    assert.ok(found?.PhysicalResourceId, `${logicalId} was created`)
    return found.PhysicalResourceId
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aws-stack-moto-'))
    // The real function bundles, as examples/lambda/build.ts makes them for a deploy.
    const bundlesDir = join(dir, 'bundles')
    await run(process.execPath, [join(repoRoot, 'examples/lambda/build.ts'), '--out', bundlesDir, '--json'], {
      maxBuffer: 16 * 1024 * 1024,
    })
    input = stackConfigInput(bundlesDir)
    let synthMs = 0
    ;[synth, moto] = await Promise.all([
      Promise.resolve().then(() => {
        const started = Date.now()
        const synthesized = synthChainopsStack(input, { outdir: join(dir, 'cdk.out') })
        synthMs = Date.now() - started
        return synthesized
      }),
      startMoto({ region: input.region }),
    ])
    // What an operator puts in SSM before the first deploy: the stack resolves this String
    // parameter at deploy (the secrets it only names are read by the instances and functions later).
    const ssm = new SSMClient(moto.clientConfig)
    await ssm.send(
      new PutParameterCommand({ Name: input.lightning.parameters.tlsCert, Value: lndCertBase64, Type: 'String' }),
    )
    ssm.destroy()
    // The bastion's (and every node's) key pair, which the operator creates first.
    const ec2 = new EC2Client(moto.clientConfig)
    await ec2.send(new CreateKeyPairCommand({ KeyName: input.bastion.keyPairName }))
    ec2.destroy()
    deployment = await deployAssemblyToMoto({
      assemblyDir: synth.outdir,
      stackArtifactId: synth.stackName,
      clientConfig: moto.clientConfig,
    })
    const created = deployment.resources.filter((r) => r.ResourceType).length
    process.stderr.write(
      `motoDeploy: synth ${(synthMs / 1000).toFixed(1)} s, CreateStack to ${deployment.stack.StackStatus} ` +
        `${(deployment.deployMs / 1000).toFixed(1)} s, ${created} of ${Object.keys(resources()).length} resources created\n`,
    )
  })

  after(async () => {
    await moto?.stop()
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })

  it('reaches CREATE_COMPLETE with no failed resource, every template resource created but the types moto skips', () => {
    assert.equal(deployment.stack.StackStatus, 'CREATE_COMPLETE', deployment.failures.join('\n'))
    assert.deepEqual(deployment.failures, [])
    const created = new Set(deployment.resources.filter((r) => r.ResourceType).map((r) => r.LogicalResourceId))
    const missing = Object.entries(resources()).filter(([id]) => !created.has(id))
    assert.deepEqual([...new Set(missing.map(([, resource]) => resource.Type))].sort(), SKIPPED_BY_MOTO)
    // Everything else moto created is exactly the template's resources, each with its type.
    for (const summary of deployment.resources.filter((r) => r.ResourceType))
      assert.equal(summary.ResourceType, resources()[summary.LogicalResourceId ?? '']?.Type, summary.LogicalResourceId)
    assert.equal(created.size, Object.keys(resources()).length - missing.length)
  })

  it('what moto skips is checked on the template it deployed: the HTTP API routes, the egress rules, the TLS-only queue policies', () => {
    const ofType = (type: string) => logicalIds(type).map((id) => [id, resources()[id]?.Properties ?? {}] as const)
    // The invoice API: two routes to one Lambda proxy integration of the invoice function.
    const [[integrationId, integration] = assert.fail('no integration')] = ofType('AWS::ApiGatewayV2::Integration')
    assert.deepEqual(integration.IntegrationUri, {
      'Fn::GetAtt': [logicalIds('AWS::Lambda::Function').find((id) => id.startsWith('IssuanceInvoiceApi')), 'Arn'],
    })
    assert.deepEqual(
      ofType('AWS::ApiGatewayV2::Route')
        .map(([, route]) => [route.RouteKey, JSON.stringify(route.Target)])
        .sort(),
      [
        ['GET /invoices/{hash}', JSON.stringify({ 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] })],
        ['POST /invoices', JSON.stringify({ 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] })],
      ],
    )
    assert.deepEqual(
      ofType('AWS::ApiGatewayV2::Stage').map(([, stage]) => [stage.StageName, stage.AutoDeploy]),
      [['$default', true]],
    )
    // Egress beyond the groups' defaults: the load balancer to the sealers' RPC and health ports,
    // the functions to the load balancer.
    const groupOf = (ref: unknown) =>
      ((ref as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0] ?? '').replace(/SecurityGroup.*$/, '')
    assert.deepEqual(
      ofType('AWS::EC2::SecurityGroupEgress')
        .map(([, rule]) => [
          groupOf(rule.GroupId),
          groupOf(rule.DestinationSecurityGroupId),
          rule.IpProtocol,
          rule.FromPort,
        ])
        .sort(),
      [
        ['IssuanceFunctions', 'Rpc', 'tcp', 8545],
        ['Rpc', 'Sealers', 'tcp', 8545],
        ['Rpc', 'Sealers', 'tcp', 8550],
      ],
    )
    // Both queues refuse every request that is not over TLS.
    const policies = ofType('AWS::SQS::QueuePolicy')
    assert.deepEqual(
      policies.flatMap(([, policy]) => (policy.Queues as { Ref: string }[]).map((queue) => queue.Ref)).sort(),
      logicalIds('AWS::SQS::Queue'),
    )
    for (const [, policy] of policies)
      assert.deepEqual(
        (policy.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.map((s) => [
          s.Effect,
          s.Action,
          JSON.stringify(s.Condition),
        ]),
        [['Deny', 'sqs:*', JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } })]],
      )
  })

  it('published the three function zips and the template to the bootstrap bucket at the keys the asset manifest names', () => {
    const bucket = `cdk-hnb659fds-assets-${input.account}-${input.region}`
    assert.deepEqual(
      deployment.assets.map((asset) => asset.bucket),
      Array(4).fill(bucket),
    )
    const zips = deployment.assets.filter((asset) => asset.key.endsWith('.zip'))
    assert.equal(zips.length, 3)
    const template = deployment.assets.find((asset) => asset.key.endsWith('.json'))
    assert.equal(template?.path, `${synth.stackName}.template.json`)
    // Over CloudFormation's 51,200-byte inline limit, so it goes by TemplateURL from this bucket.
    assert.ok((template?.bytes ?? 0) > 51_200)
  })

  it('three sealers, one per configured zone, each t2.xlarge with its own 500 GiB encrypted gp3 data volume in its zone', async () => {
    const ec2 = new EC2Client(moto?.clientConfig ?? assert.fail())
    try {
      const ids = logicalIds('AWS::EC2::Instance', /\/Sealers\//).map(physicalId)
      const { Reservations } = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }))
      const instances = (Reservations ?? []).flatMap((r) => r.Instances ?? [])
      assert.equal(instances.length, 3)
      const zones = instances.map((instance) => instance.Placement?.AvailabilityZone).sort()
      assert.deepEqual(zones, input.availabilityZones)
      for (const instance of instances) {
        assert.equal(instance.InstanceType, 't2.xlarge')
        assert.equal(instance.KeyName, input.bastion.keyPairName)
        assert.equal(instance.PublicIpAddress, undefined, 'a sealer has no public address')
        const { Volumes } = await ec2.send(
          new DescribeVolumesCommand({
            Filters: [{ Name: 'attachment.instance-id', Values: [instance.InstanceId ?? ''] }],
          }),
        )
        const data = (Volumes ?? []).filter((volume) => volume.Attachments?.[0]?.Device === '/dev/xvdb')
        assert.equal(data.length, 1, `${instance.InstanceId}: one data volume`)
        assert.equal(data[0]?.Size, 500)
        assert.equal(data[0]?.VolumeType, 'gp3')
        assert.equal(data[0]?.Encrypted, true)
        assert.equal(data[0]?.AvailabilityZone, instance.Placement?.AvailabilityZone)
      }
    } finally {
      ec2.destroy()
    }
  })

  it("each sealer's user data, as CloudFormation rendered it, serves HTTP RPC with eth, net and web3 only", async () => {
    const ec2 = new EC2Client(moto?.clientConfig ?? assert.fail())
    try {
      for (const id of logicalIds('AWS::EC2::Instance', /\/Sealers\//).map(physicalId)) {
        const { UserData } = await ec2.send(
          new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'userData' }),
        )
        const script = Buffer.from(UserData?.Value ?? '', 'base64').toString('utf8')
        assert.match(script, /^#!\/bin\/bash/)
        // Every intrinsic was resolved at deploy: no CloudFormation function text is left in the script.
        assert.doesNotMatch(script, /Fn::|"Ref"/)
        const modules = [...script.matchAll(/^HTTPModules = (.*)$/gm)].map((match) => match[1])
        assert.deepEqual(modules, ['["eth", "net", "web3"]'], id)
        assert.doesNotMatch(script, /--http\.api|--ws|\b(admin|personal|debug|miner),/, id)
      }
    } finally {
      ec2.destroy()
    }
  })

  it('the Bitcoin node has its 1000 GiB volume and lnd its 100 GiB one; lnd has no public address', async () => {
    const ec2 = new EC2Client(moto?.clientConfig ?? assert.fail())
    try {
      for (const [name, size, isPublic] of [
        [/\/Bitcoin\//, 1000, true],
        [/\/Lightning\//, 100, false],
      ] as const) {
        const [id] = logicalIds('AWS::EC2::Instance', name).map(physicalId)
        const { Reservations } = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id ?? ''] }))
        const instance = Reservations?.[0]?.Instances?.[0]
        assert.equal(instance?.Placement?.AvailabilityZone, input.availabilityZones[0])
        assert.equal(instance?.PublicIpAddress !== undefined, isPublic, String(name))
        const { Volumes } = await ec2.send(
          new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [id ?? ''] }] }),
        )
        assert.deepEqual(
          (Volumes ?? []).map((volume) => [volume.Attachments?.[0]?.Device, volume.Size, volume.Encrypted]).sort(),
          [
            ['/dev/xvda', 30, true],
            ['/dev/xvdb', size, true],
          ],
        )
      }
    } finally {
      ec2.destroy()
    }
  })

  it("security groups as created: SSH to the bastion only from its CIDR, lnd's gRPC only from the functions' group", async () => {
    const ec2 = new EC2Client(moto?.clientConfig ?? assert.fail())
    try {
      const group = async (logicalId: string) => {
        const { SecurityGroups } = await ec2.send(
          new DescribeSecurityGroupsCommand({ GroupIds: [physicalId(logicalId)] }),
        )
        return SecurityGroups?.[0] ?? assert.fail(logicalId)
      }
      const [bastionId] = logicalIds('AWS::EC2::SecurityGroup').filter((id) => id.startsWith('Bastion'))
      const bastion = await group(bastionId ?? assert.fail('the bastion group'))
      assert.deepEqual(
        bastion.IpPermissions?.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges?.map((r) => r.CidrIp)]),
        [['tcp', 22, 22, [input.bastion.sshCidr]]],
      )
      const [lightningId] = logicalIds('AWS::EC2::SecurityGroup').filter((id) => id.startsWith('Lightning'))
      const [functionsId] = logicalIds('AWS::EC2::SecurityGroup').filter((id) => id.startsWith('IssuanceFunctions'))
      const lightning = await group(lightningId ?? assert.fail('the lnd group'))
      const functions = physicalId(functionsId ?? assert.fail('the functions group'))
      const grpc = lightning.IpPermissions?.filter((p) => p.FromPort === 10009) ?? []
      assert.deepEqual(
        grpc.map((p) => [p.IpRanges?.length ?? 0, p.UserIdGroupPairs?.map((pair) => pair.GroupId)]),
        [[0, [functions]]],
      )
      // Nothing in lnd's group is open to an address block: its peers are reached over tor.
      assert.deepEqual(lightning.IpPermissions?.flatMap((p) => p.IpRanges ?? []) ?? [], [])
    } finally {
      ec2.destroy()
    }
  })

  it("the RPC load balancer is internal, listens on 8545 and forwards to the three sealers' geth with the /health check", async () => {
    const elb = new ElasticLoadBalancingV2Client(moto?.clientConfig ?? assert.fail())
    try {
      const [lbId] = logicalIds('AWS::ElasticLoadBalancingV2::LoadBalancer')
      const arn = physicalId(lbId ?? assert.fail('the load balancer'))
      const lb = (await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }))).LoadBalancers?.[0]
      assert.equal(lb?.Scheme, 'internal')
      assert.equal(lb?.Type, 'application')
      const listeners = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: arn }))).Listeners ?? []
      assert.deepEqual(
        listeners.map((l) => [l.Port, l.Protocol, l.DefaultActions?.[0]?.Type]),
        [[8545, 'HTTP', 'forward']],
      )
      const [groupArn] = logicalIds('AWS::ElasticLoadBalancingV2::TargetGroup').map(physicalId)
      const group = (await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [groupArn ?? ''] })))
        .TargetGroups?.[0]
      assert.equal(group?.Port, 8545)
      assert.equal(group?.HealthCheckPath, '/health')
      assert.equal(group?.HealthCheckPort, '8550')
      // moto creates the group but ignores its Targets property (no target is registered), so the
      // targets are read from the template: the three sealers' instances, on geth's RPC port.
      const targets = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: groupArn })))
        .TargetHealthDescriptions
      assert.deepEqual(targets, [])
      const [groupId] = logicalIds('AWS::ElasticLoadBalancingV2::TargetGroup')
      const declared = resources()[groupId ?? '']?.Properties?.Targets as { Id: { Ref: string }; Port: number }[]
      assert.deepEqual(
        declared.map((target) => [target.Id.Ref, target.Port]),
        logicalIds('AWS::EC2::Instance', /\/Sealers\//).map((id) => [id, 8545]),
      )
    } finally {
      elb.destroy()
    }
  })

  it('the mint queue is FIFO with explicit dedup ids and redrives to its FIFO dead-letter queue after 10 receives', async () => {
    const sqs = new SQSClient(moto?.clientConfig ?? assert.fail())
    try {
      const attributes = async (name: string) => {
        const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }))
        return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes ?? {}
      }
      const queue = await attributes('chainops-mint.fifo')
      const dlq = await attributes('chainops-mint-dlq.fifo')
      assert.equal(queue.FifoQueue, 'true')
      assert.equal(queue.ContentBasedDeduplication, 'false')
      assert.equal(queue.VisibilityTimeout, '180')
      assert.equal(queue.MessageRetentionPeriod, String(14 * 86_400))
      assert.deepEqual(JSON.parse(queue.RedrivePolicy ?? '{}'), {
        deadLetterTargetArn: dlq.QueueArn,
        maxReceiveCount: 10,
      })
      assert.equal(dlq.FifoQueue, 'true')
    } finally {
      sqs.destroy()
    }
  })

  it('the store table has the (t, k) string key the Store adapters use, on demand', async () => {
    const dynamodb = new DynamoDBClient(moto?.clientConfig ?? assert.fail())
    try {
      const [tableId] = logicalIds('AWS::DynamoDB::Table')
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: physicalId(tableId ?? '') }))
      assert.deepEqual(Table?.KeySchema, [
        { AttributeName: 't', KeyType: 'HASH' },
        { AttributeName: 'k', KeyType: 'RANGE' },
      ])
      assert.deepEqual(Table?.AttributeDefinitions?.map((a) => [a.AttributeName, a.AttributeType]).sort(), [
        ['k', 'S'],
        ['t', 'S'],
      ])
      assert.equal(Table?.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST')
      assert.deepEqual(Table?.GlobalSecondaryIndexes ?? [], [])
    } finally {
      dynamodb.destroy()
    }
  })

  it('the functions run the built zips with parameter names in their environment; the consumer maps the mint queue, the watcher its schedule', async () => {
    const config = moto?.clientConfig ?? assert.fail()
    const lambda = new LambdaClient(config)
    const events = new EventBridgeClient(config)
    const sqs = new SQSClient(config)
    try {
      const functionNamed = async (prefix: string) => {
        const id = logicalIds('AWS::Lambda::Function').find((logicalId) => logicalId.startsWith(prefix))
        return lambda.send(new GetFunctionCommand({ FunctionName: physicalId(id ?? assert.fail(prefix)) }))
      }
      const zipSha = (name: string) =>
        createHash('sha256')
          .update(readFileSync(join(input.issuance.bundlesDir, name)))
          .digest('base64')
      const invoiceApi = await functionNamed('IssuanceInvoiceApi')
      const consumer = await functionNamed('IssuanceMintConsumer')
      const watcher = await functionNamed('IssuanceMintWatcher0')
      assert.equal(invoiceApi.Configuration?.CodeSha256, zipSha('invoice-api.zip'))
      assert.equal(consumer.Configuration?.CodeSha256, zipSha('mint-consumer.zip'))
      assert.equal(watcher.Configuration?.CodeSha256, zipSha('mint-watcher.zip'))
      for (const fn of [invoiceApi, consumer, watcher]) {
        assert.equal(fn.Configuration?.Runtime, 'nodejs22.x')
        assert.equal(fn.Configuration?.Handler, 'index.handler')
        assert.equal(fn.Configuration?.VpcConfig?.SubnetIds?.length, 3)
      }
      const operatorKey = input.issuance.operatorKeyParameters[0]
      assert.equal(consumer.Configuration?.Environment?.Variables?.CHAINOPS_OPERATOR_KEY_PARAMETER, operatorKey)
      assert.equal(watcher.Configuration?.Environment?.Variables?.CHAINOPS_OPERATOR_KEY_PARAMETER, operatorKey)
      assert.equal(consumer.Configuration?.Environment?.Variables?.CHAINOPS_MINT_QUEUE, 'chainops-mint')
      // The one value CloudFormation resolved at deploy: the certificate from its String parameter.
      assert.equal(invoiceApi.Configuration?.Environment?.Variables?.CHAINOPS_LND_CERT, lndCertBase64)
      for (const fn of [invoiceApi, consumer, watcher]) {
        const values = Object.values(fn.Configuration?.Environment?.Variables ?? {})
        assert.deepEqual(
          values.filter((value) => /0x[0-9a-fA-F]{64}/.test(value)),
          [],
          'no key-shaped value in the environment',
        )
      }

      const mappings = (
        await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: consumer.Configuration?.FunctionName }))
      ).EventSourceMappings
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'chainops-mint.fifo' }))
      const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] })))
        .Attributes?.QueueArn
      assert.deepEqual(
        mappings?.map((m) => [m.EventSourceArn, m.BatchSize, m.FunctionResponseTypes]),
        [[queueArn, 10, ['ReportBatchItemFailures']]],
      )

      const [ruleId] = logicalIds('AWS::Events::Rule')
      const rule = await events.send(new DescribeRuleCommand({ Name: physicalId(ruleId ?? '') }))
      assert.equal(rule.ScheduleExpression, 'rate(1 minute)')
      assert.equal(rule.State, 'ENABLED')
      const { Targets } = await events.send(new ListTargetsByRuleCommand({ Rule: rule.Name }))
      assert.deepEqual(
        Targets?.map((t) => t.Arn),
        [watcher.Configuration?.FunctionArn],
      )
    } finally {
      lambda.destroy()
      events.destroy()
      sqs.destroy()
    }
  })
})
