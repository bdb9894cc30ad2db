import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { App, Stack } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import { AwsStackError } from '../src/errors/AwsStackError.ts'
import type { IssuanceConfig } from '../src/issuance/IssuanceConfig.ts'
import { IssuanceFunctions } from '../src/issuance/IssuanceFunctions.ts'
import { validateIssuanceConfig } from '../src/issuance/validateIssuanceConfig.ts'

const repoRoot = new URL('../../../', import.meta.url).pathname
const ACCOUNT = '123456789012'
const REGION = 'ap-northeast-1'
const LND = { host: '10.0.3.10', grpcPort: 10009 }
const RPC_URL = 'http://internal-rpc.example:8545'
/** A value shaped like an operator key: it must never appear in the template. */
const KEY_SHAPE = /0x[0-9a-fA-F]{64}/

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: unknown }
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown }

class PinnedStack extends Stack {
  override get availabilityZones(): string[] {
    return [`${REGION}a`, `${REGION}c`, `${REGION}d`]
  }
}

function baseConfig(bundlesDir: string): IssuanceConfig {
  return {
    chainId: 2789,
    operatorKeyParameters: ['/chainops/key-0'],
    invoiceMacaroonParameter: '/chainops/lnd/invoice-macaroon',
    readOnlyMacaroonParameter: '/chainops/lnd/readonly-macaroon',
    lndCertParameter: '/chainops/lnd/tls-cert-base64',
    bundlesDir,
  }
}

function synth(config: IssuanceConfig, outdir: string): { template: Template; issuance: IssuanceFunctions } {
  const app = new App({ outdir })
  const stack = new PinnedStack(app, 'IssuanceTest', { env: { account: ACCOUNT, region: REGION } })
  // aws-cdk-lib's own types disagree under exactOptionalPropertyTypes (`vpnGatewayId?: string`).
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 3, natGateways: 1 }) as ec2.IVpc
  const issuance = new IssuanceFunctions(stack, 'Issuance', { ...config, vpc, lnd: LND, rpcUrl: RPC_URL })
  return { template: Template.fromStack(stack), issuance }
}

function resourcesOf(template: Template, type: string): Array<[string, Resource]> {
  return Object.entries(template.findResources(type) as Record<string, Resource>)
}

function only<T>(items: readonly T[], what: string): T {
  assert.equal(items.length, 1, `exactly one ${what}`)
  return items[0] as T
}

/** The logical id of the function whose description starts with `prefix`. */
function functionId(template: Template, prefix: string): string {
  const found = resourcesOf(template, 'AWS::Lambda::Function').filter(([, fn]) =>
    String(fn.Properties.Description).startsWith(`chainops ${prefix}`),
  )
  return only(found, `function ${prefix}`)[0]
}

function functionProps(template: Template, id: string): Record<string, unknown> {
  return (template.toJSON().Resources as Record<string, Resource>)[id]?.Properties as Record<string, unknown>
}

/** Every statement of the inline policies attached to the role of function `id`. */
function statementsOf(template: Template, id: string): Statement[] {
  const role = (functionProps(template, id).Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
}

function actionsOf(statement: Statement): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action
}

function resourceList(statement: Statement): unknown[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]
}

function parameterArn(name: string): unknown {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm:${REGION}:${ACCOUNT}:parameter${name}`]] }
}

/**
 * The one statement AWS requires on `*`: Lambda creates and deletes the function's network
 * interfaces in the VPC with the execution role, the EC2 Describe actions have no resource-level
 * permissions, and the interfaces do not exist before Lambda makes them. It is exactly the EC2 part
 * of AWS's managed AWSLambdaVPCAccessExecutionRole (whose logs:* part on every log group we leave out).
 */
const VPC_ATTACHMENT_EXCEPTION = {
  sid: 'AttachToVpc',
  actions: [
    'ec2:CreateNetworkInterface',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeSubnets',
    'ec2:DeleteNetworkInterface',
    'ec2:AssignPrivateIpAddresses',
    'ec2:UnassignPrivateIpAddresses',
  ],
}

const STORE_WRITER_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
]

describe('IssuanceFunctions (aws-cdk-lib assertions, offline synth)', function () {
  // Building the bundles and copying the 4 MB invoice-api zip into the assembly take seconds.
  this.timeout(180_000)
  let work: string
  let bundlesDir: string
  let template: Template
  let issuance: IssuanceFunctions
  let invoiceApi: string
  let consumer: string
  let watcher: string
  let queue: string
  let deadLetterQueue: string
  let table: string

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'chainops-issuance-stack-'))
    bundlesDir = join(work, 'bundles')
    // The real bundles, as a team builds them (examples/lambda/README.md).
    await promisify(execFile)(process.execPath, [join(repoRoot, 'examples/lambda/build.ts'), '--out', bundlesDir], {
      cwd: repoRoot,
    })
    ;({ template, issuance } = synth(baseConfig(bundlesDir), join(work, 'cdk.out')))
    invoiceApi = functionId(template, 'invoice API')
    consumer = functionId(template, 'mint consumer')
    watcher = functionId(template, 'receipt watcher of sending key 0')
    const queues = resourcesOf(template, 'AWS::SQS::Queue')
    queue = only(
      queues.filter(([, q]) => q.Properties.QueueName === 'chainops-mint.fifo'),
      'mint queue',
    )[0]
    deadLetterQueue = only(
      queues.filter(([, q]) => q.Properties.QueueName === 'chainops-mint-dlq.fifo'),
      'dead-letter queue',
    )[0]
    table = only(resourcesOf(template, 'AWS::DynamoDB::Table'), 'table')[0]
  })

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('deploys each function from its built zip (runtime nodejs22.x, handler index.handler)', async () => {
    const ids = [invoiceApi, consumer, watcher]
    assert.equal(resourcesOf(template, 'AWS::Lambda::Function').length, 3)
    const keys = new Set<string>()
    for (const id of ids) {
      const props = functionProps(template, id)
      assert.equal(props.Runtime, 'nodejs22.x')
      assert.equal(props.Handler, 'index.handler')
      const code = props.Code as { S3Key: string }
      assert.match(code.S3Key, /^[0-9a-f]{64}\.zip$/)
      keys.add(code.S3Key)
    }
    assert.equal(keys.size, 3, 'three different code assets')
    // The assembly's asset manifest stages exactly the zips build.ts wrote, byte for byte.
    const manifest = JSON.parse(await readFile(join(work, 'cdk.out', 'IssuanceTest.assets.json'), 'utf8')) as {
      files: Record<string, { source: { path: string; packaging: string } }>
    }
    for (const [bundle, id] of [
      ['invoice-api.zip', invoiceApi],
      ['mint-consumer.zip', consumer],
      ['mint-watcher.zip', watcher],
    ] as const) {
      const hash = (functionProps(template, id).Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')
      const asset = manifest.files[hash]
      assert.ok(asset, `asset ${hash} of ${bundle} is in the manifest`)
      assert.equal(asset.source.packaging, 'file')
      const staged = await stat(join(work, 'cdk.out', asset.source.path))
      assert.equal(staged.size, (await stat(join(bundlesDir, bundle))).size, `${bundle} staged unchanged`)
    }
  })

  it('makes the mint queue FIFO with explicit names, a dead-letter queue and its redrive policy', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'chainops-mint.fifo',
      FifoQueue: true,
      ContentBasedDeduplication: false,
      DeduplicationScope: 'messageGroup',
      FifoThroughputLimit: 'perMessageGroupId',
      MessageRetentionPeriod: 1_209_600,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterQueue, 'Arn'] }, maxReceiveCount: 10 },
    })
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'chainops-mint-dlq.fifo',
      FifoQueue: true,
      MessageRetentionPeriod: 1_209_600,
      RedrivePolicy: Match.absent(),
    })
    assert.equal(resourcesOf(template, 'AWS::SQS::Queue').length, 2)
    assert.equal(issuance.mintQueueName, 'chainops-mint')
  })

  it('feeds the consumer from the queue in batches of 10 with ReportBatchItemFailures', () => {
    const mapping = only(resourcesOf(template, 'AWS::Lambda::EventSourceMapping'), 'event source mapping')[1]
    assert.deepEqual(mapping.Properties, {
      BatchSize: 10,
      EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
      FunctionName: { Ref: consumer },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    })
  })

  it('keeps the queue visibility timeout above the consumer timeout', () => {
    const timeout = functionProps(template, consumer).Timeout as number
    const visibility = (template.toJSON().Resources as Record<string, Resource>)[queue]?.Properties
      .VisibilityTimeout as number
    assert.equal(timeout, 30)
    assert.equal(visibility, 180)
    assert.ok(visibility > timeout)
  })

  it('runs the receipt watcher on an EventBridge rate(1 minute) schedule, one run at a time', () => {
    const rule = only(resourcesOf(template, 'AWS::Events::Rule'), 'schedule rule')[1]
    assert.equal(rule.Properties.ScheduleExpression, 'rate(1 minute)')
    assert.equal(rule.Properties.State, 'ENABLED')
    const targets = rule.Properties.Targets as Array<{ Arn: unknown; RetryPolicy?: unknown }>
    assert.equal(targets.length, 1)
    assert.deepEqual(targets[0]?.Arn, { 'Fn::GetAtt': [watcher, 'Arn'] })
    assert.deepEqual(targets[0]?.RetryPolicy, { MaximumRetryAttempts: 0 })
    const props = functionProps(template, watcher)
    assert.equal(props.Timeout, 60)
    assert.equal(props.ReservedConcurrentExecutions, 1)
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [watcher, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [only(resourcesOf(template, 'AWS::Events::Rule'), 'rule')[0], 'Arn'] },
    })
  })

  it('routes POST /invoices and GET /invoices/{hash} of the HTTP API to the invoice function (payload 2.0)', () => {
    const api = only(resourcesOf(template, 'AWS::ApiGatewayV2::Api'), 'HTTP API')
    assert.equal(api[1].Properties.ProtocolType, 'HTTP')
    const integration = only(resourcesOf(template, 'AWS::ApiGatewayV2::Integration'), 'integration')
    assert.deepEqual(integration[1].Properties, {
      ApiId: { Ref: api[0] },
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [invoiceApi, 'Arn'] },
      PayloadFormatVersion: '2.0',
    })
    const routes = resourcesOf(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => ({
      key: route.Properties.RouteKey,
      target: route.Properties.Target,
    }))
    const target = { 'Fn::Join': ['', ['integrations/', { Ref: integration[0] }]] }
    assert.deepEqual(
      routes.sort((a, b) => String(a.key).localeCompare(String(b.key))),
      [
        { key: 'GET /invoices/{hash}', target },
        { key: 'POST /invoices', target },
      ],
    )
    // API Gateway may invoke it only for these routes of this API.
    const permissions = resourcesOf(template, 'AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com',
    )
    assert.equal(permissions.length, 2)
    for (const [, permission] of permissions) {
      assert.deepEqual(permission.Properties.FunctionName, { 'Fn::GetAtt': [invoiceApi, 'Arn'] })
      assert.match(JSON.stringify(permission.Properties.SourceArn), /\/\*\/\*\/invoices/)
    }
  })

  it('creates the store table as DynamoDbStore expects: t HASH, k RANGE, strings, no indexes, PITR on, retained', () => {
    const [, resource] = only(resourcesOf(template, 'AWS::DynamoDB::Table'), 'table')
    assert.deepEqual(resource.Properties.KeySchema, [
      { AttributeName: 't', KeyType: 'HASH' },
      { AttributeName: 'k', KeyType: 'RANGE' },
    ])
    assert.deepEqual(resource.Properties.AttributeDefinitions, [
      { AttributeName: 't', AttributeType: 'S' },
      { AttributeName: 'k', AttributeType: 'S' },
    ])
    assert.equal(resource.Properties.BillingMode, 'PAY_PER_REQUEST')
    assert.deepEqual(resource.Properties.PointInTimeRecoverySpecification, { PointInTimeRecoveryEnabled: true })
    assert.equal(resource.Properties.GlobalSecondaryIndexes, undefined)
    assert.equal(resource.Properties.LocalSecondaryIndexes, undefined)
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' })
  })

  it('gives each function exactly the variables its handler reads, holding parameter names and never a key', () => {
    const certParameter = Object.entries(
      template.toJSON().Parameters as Record<string, { Type: string; Default: string }>,
    )
      .filter(([, p]) => p.Default === '/chainops/lnd/tls-cert-base64')
      .map(([id, p]) => {
        assert.equal(p.Type, 'AWS::SSM::Parameter::Value<String>')
        return id
      })
    const settings = { CHAINOPS_TABLE: { Ref: table }, CHAINOPS_RPC_URL: RPC_URL, CHAINOPS_CHAIN_ID: '2789' }
    const variables = (id: string) => (functionProps(template, id).Environment as { Variables: unknown }).Variables
    assert.deepEqual(variables(invoiceApi), {
      ...settings,
      CHAINOPS_LND_SOCKET: '10.0.3.10:10009',
      CHAINOPS_LND_CERT: { Ref: only(certParameter, 'cert parameter') },
      CHAINOPS_INVOICE_MACAROON_PARAMETER: '/chainops/lnd/invoice-macaroon',
      CHAINOPS_READONLY_MACAROON_PARAMETER: '/chainops/lnd/readonly-macaroon',
    })
    assert.deepEqual(variables(consumer), {
      ...settings,
      CHAINOPS_MINT_QUEUE: 'chainops-mint',
      CHAINOPS_OPERATOR_KEY_PARAMETER: '/chainops/key-0',
    })
    assert.deepEqual(variables(watcher), { ...settings, CHAINOPS_OPERATOR_KEY_PARAMETER: '/chainops/key-0' })
    // The names the handlers read, from the handler files themselves.
    for (const [file, id] of [
      ['invoiceApi.ts', invoiceApi],
      ['mintConsumer.ts', consumer],
      ['mintWatcher.ts', watcher],
    ] as const) {
      const source = readFileSync(join(repoRoot, 'examples/lambda', file), 'utf8')
      const required = [...source.matchAll(/requireEnv\(env, '([A-Z_]+)'\)/g)].map((m) => m[1])
      for (const name of required) assert.ok(name && name in (variables(id) as object), `${file} reads ${name}`)
    }
    assert.doesNotMatch(JSON.stringify(template.toJSON()), KEY_SHAPE)
  })

  it('runs the functions in the private subnets behind their own security group (egress: HTTPS and lnd only)', () => {
    const sgId = only(
      resourcesOf(template, 'AWS::EC2::SecurityGroup').filter(([, sg]) =>
        String(sg.Properties.GroupDescription).startsWith('chainops issuance functions'),
      ),
      'functions security group',
    )[0]
    const privateSubnets = resourcesOf(template, 'AWS::EC2::Subnet')
      .filter(([id]) => id.includes('Private'))
      .map(([id]) => ({ Ref: id }))
    assert.equal(privateSubnets.length, 3)
    for (const id of [invoiceApi, consumer, watcher]) {
      const vpcConfig = functionProps(template, id).VpcConfig as { SecurityGroupIds: unknown; SubnetIds: unknown[] }
      assert.deepEqual(vpcConfig.SecurityGroupIds, [{ 'Fn::GetAtt': [sgId, 'GroupId'] }])
      assert.deepEqual(
        [...vpcConfig.SubnetIds].map((s) => JSON.stringify(s)).sort(),
        privateSubnets.map((s) => JSON.stringify(s)).sort(),
      )
    }
    const sg = (template.toJSON().Resources as Record<string, Resource>)[sgId] as Resource
    assert.deepEqual(
      (sg.Properties.SecurityGroupEgress as Array<Record<string, unknown>>).map(
        ({ CidrIp, FromPort, ToPort, IpProtocol }) => ({ CidrIp, FromPort, ToPort, IpProtocol }),
      ),
      [
        { CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443, IpProtocol: 'tcp' },
        { CidrIp: '10.0.3.10/32', FromPort: 10009, ToPort: 10009, IpProtocol: 'tcp' },
      ],
    )
    assert.equal(sg.Properties.SecurityGroupIngress, undefined, 'nothing may connect to the functions')
    assert.equal(issuance.functionsSecurityGroup.node.path, 'IssuanceTest/Issuance/FunctionsSecurityGroup')
  })

  it('scopes every IAM statement: no * action, no * resource but the listed VPC exception, no managed policy', () => {
    const policies = resourcesOf(template, 'AWS::IAM::Policy')
    assert.equal(policies.length, 3, 'one inline policy per function role')
    let exceptions = 0
    for (const [id, policy] of policies) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        assert.equal(statement.Effect, 'Allow')
        for (const action of actionsOf(statement)) assert.doesNotMatch(action, /\*/, `${id}: wildcard action ${action}`)
        const wildcard = resourceList(statement).filter((r) => JSON.stringify(r).includes('*'))
        if (wildcard.length === 0) continue
        // The only exception, with its reason on VPC_ATTACHMENT_EXCEPTION.
        assert.equal(statement.Sid, VPC_ATTACHMENT_EXCEPTION.sid, `${id}: * resource in ${JSON.stringify(statement)}`)
        assert.deepEqual(statement.Resource, '*')
        assert.deepEqual(actionsOf(statement), VPC_ATTACHMENT_EXCEPTION.actions)
        exceptions++
      }
    }
    assert.equal(exceptions, 3, 'the VPC exception once per function')
    for (const [id, role] of resourcesOf(template, 'AWS::IAM::Role'))
      assert.equal(role.Properties.ManagedPolicyArns, undefined, `${id} has no managed policy (they grant logs:* on *)`)
  })

  it('grants each function only what it calls, on its own resources', () => {
    const byAction = (id: string) =>
      Object.fromEntries(
        statementsOf(template, id)
          .filter((s) => s.Sid !== VPC_ATTACHMENT_EXCEPTION.sid)
          .map((s) => [actionsOf(s).join(','), s.Resource]),
      )
    const logs = (id: string) => ({
      'Fn::GetAtt': [
        Object.keys(template.findResources('AWS::Logs::LogGroup')).find((g) =>
          g.startsWith(id.replace(/[0-9A-F]{8}$/, '')),
        ),
        'Arn',
      ],
    })
    const tableArn = { 'Fn::GetAtt': [table, 'Arn'] }
    assert.deepEqual(byAction(invoiceApi), {
      'logs:CreateLogStream,logs:PutLogEvents': logs(invoiceApi),
      'dynamodb:GetItem,dynamodb:PutItem': tableArn,
      'ssm:GetParameter': [
        parameterArn('/chainops/lnd/invoice-macaroon'),
        parameterArn('/chainops/lnd/readonly-macaroon'),
      ],
    })
    assert.deepEqual(byAction(consumer), {
      'logs:CreateLogStream,logs:PutLogEvents': logs(consumer),
      'sqs:ReceiveMessage,sqs:ChangeMessageVisibility,sqs:GetQueueUrl,sqs:DeleteMessage,sqs:GetQueueAttributes': {
        'Fn::GetAtt': [queue, 'Arn'],
      },
      'sqs:SendMessage,sqs:GetQueueUrl': { 'Fn::GetAtt': [deadLetterQueue, 'Arn'] },
      [STORE_WRITER_ACTIONS.join(',')]: tableArn,
      'ssm:GetParameter': parameterArn('/chainops/key-0'),
    })
    assert.deepEqual(byAction(watcher), {
      'logs:CreateLogStream,logs:PutLogEvents': logs(watcher),
      [STORE_WRITER_ACTIONS.join(',')]: tableArn,
      'ssm:GetParameter': parameterArn('/chainops/key-0'),
    })
  })

  it('with a customer managed KMS key, lets each function decrypt only its own parameters through SSM', () => {
    const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
    const { template: withKey } = synth({ ...baseConfig(bundlesDir), parameterKeyArn: keyArn }, join(work, 'kms.out'))
    const decrypt = (prefix: string) =>
      only(
        statementsOf(withKey, functionId(withKey, prefix)).filter((s) => actionsOf(s).includes('kms:Decrypt')),
        `kms statement of ${prefix}`,
      )
    assert.deepEqual(decrypt('invoice API'), {
      Sid: 'DecryptSecretParameters',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: keyArn,
      Condition: {
        StringEquals: {
          'kms:ViaService': `ssm.${REGION}.amazonaws.com`,
          'kms:EncryptionContext:PARAMETER_ARN': [
            parameterArn('/chainops/lnd/invoice-macaroon'),
            parameterArn('/chainops/lnd/readonly-macaroon'),
          ],
        },
      },
    })
    for (const prefix of ['mint consumer', 'receipt watcher'])
      assert.deepEqual((decrypt(prefix).Condition as { StringEquals: unknown }).StringEquals, {
        'kms:ViaService': `ssm.${REGION}.amazonaws.com`,
        'kms:EncryptionContext:PARAMETER_ARN': [parameterArn('/chainops/key-0')],
      })
  })

  it('takes the optional settings into every function and the queue', () => {
    const { template: tuned } = synth(
      {
        ...baseConfig(bundlesDir),
        rate: '10000000000/3',
        minSats: 1000,
        maxSats: 500_000,
        maxInvoiceExpirySeconds: 86_400,
        queueName: 'ops-mint',
        batchSize: 5,
        maxReceiveCount: 4,
        visibilityTimeoutSeconds: 45,
      },
      join(work, 'tuned.out'),
    )
    for (const [, fn] of resourcesOf(tuned, 'AWS::Lambda::Function'))
      assert.deepEqual(
        Object.fromEntries(
          Object.entries((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).filter(
            ([name]) => /RATE|SATS|EXPIRY/.test(name),
          ),
        ),
        {
          CHAINOPS_RATE: '10000000000/3',
          CHAINOPS_MIN_SATS: '1000',
          CHAINOPS_MAX_SATS: '500000',
          CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS: '86400',
        },
      )
    tuned.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'ops-mint.fifo',
      VisibilityTimeout: 45,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 4 }),
    })
    tuned.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'ops-mint-dlq.fifo' })
    tuned.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 5 })
    tuned.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ CHAINOPS_MINT_QUEUE: 'ops-mint' }) },
    })
  })

  it('with K = 2 sending keys: one consumer reading both, one watcher and schedule per key reading its own', () => {
    const keys = ['/chainops/key-0', '/chainops/key-1']
    const { template: sharded } = synth(
      { ...baseConfig(bundlesDir), operatorKeyParameters: keys },
      join(work, 'k2.out'),
    )
    const variables = (id: string) =>
      (functionProps(sharded, id).Environment as { Variables: Record<string, unknown> }).Variables
    const ssmResources = (id: string) =>
      statementsOf(sharded, id)
        .filter((s) => actionsOf(s).includes('ssm:GetParameter'))
        .flatMap((s) => resourceList(s))
    const shardedConsumer = functionId(sharded, 'mint consumer')
    assert.equal(variables(shardedConsumer).CHAINOPS_OPERATOR_KEY_PARAMETERS, '/chainops/key-0,/chainops/key-1')
    assert.equal(variables(shardedConsumer).CHAINOPS_OPERATOR_KEY_PARAMETER, undefined)
    assert.deepEqual(ssmResources(shardedConsumer), keys.map(parameterArn))
    assert.equal(resourcesOf(sharded, 'AWS::Lambda::EventSourceMapping').length, 1, 'one consumer for the queue')
    const rules = resourcesOf(sharded, 'AWS::Events::Rule')
    assert.equal(rules.length, 2)
    for (const [index, key] of keys.entries()) {
      const id = functionId(sharded, `receipt watcher of sending key ${index}`)
      assert.equal(variables(id).CHAINOPS_OPERATOR_KEY_PARAMETER, key)
      assert.deepEqual(ssmResources(id), [parameterArn(key)], `watcher ${index} reads only its own key`)
      assert.equal(functionProps(sharded, id).ReservedConcurrentExecutions, 1)
      const targeting = rules.filter(([, rule]) =>
        JSON.stringify(rule.Properties.Targets).includes(JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] })),
      )
      assert.equal(only(targeting, `rule of watcher ${index}`)[1].Properties.ScheduleExpression, 'rate(1 minute)')
    }
    // Only the consumer and the watchers can read a sending key.
    assert.deepEqual(ssmResources(functionId(sharded, 'invoice API')), [
      parameterArn('/chainops/lnd/invoice-macaroon'),
      parameterArn('/chainops/lnd/readonly-macaroon'),
    ])
    assert.doesNotMatch(JSON.stringify(sharded.toJSON()), KEY_SHAPE)
  })

  describe('validateIssuanceConfig refuses a bad issuance section, naming the field', () => {
    const key = `0x${'ab'.repeat(32)}`
    const cases: Array<[string, (config: Record<string, unknown>) => unknown, string, RegExp]> = [
      [
        'a missing parameter name',
        ({ invoiceMacaroonParameter: _, ...rest }) => rest,
        'issuance.invoiceMacaroonParameter',
        /required/,
      ],
      [
        'no sending key (K = 0)',
        (c) => ({ ...c, operatorKeyParameters: [] }),
        'issuance.operatorKeyParameters',
        /K = 0/,
      ],
      [
        'a key listed twice',
        (c) => ({ ...c, operatorKeyParameters: ['/chainops/key-0', '/chainops/key-0'] }),
        'issuance.operatorKeyParameters',
        /listed twice/,
      ],
      [
        '33 sending keys',
        (c) => ({ ...c, operatorKeyParameters: Array.from({ length: 33 }, (_, i) => `/chainops/key-${i}`) }),
        'issuance.operatorKeyParameters',
        /at most 32/,
      ],
      [
        'a key where its parameter name goes',
        (c) => ({ ...c, operatorKeyParameters: [key] }),
        'issuance.operatorKeyParameters.0',
        /not a key/,
      ],
      [
        'a name under aws',
        (c) => ({ ...c, readOnlyMacaroonParameter: '/aws/reference/x' }),
        'issuance.readOnlyMacaroonParameter',
        /aws or ssm/,
      ],
      [
        'a name that is not one',
        (c) => ({ ...c, lndCertParameter: 'lnd cert' }),
        'issuance.lndCertParameter',
        /SSM parameter name/,
      ],
      [
        'one parameter for two secrets',
        (c) => ({ ...c, readOnlyMacaroonParameter: '/chainops/lnd/invoice-macaroon' }),
        'issuance.readOnlyMacaroonParameter',
        /same SSM parameter as issuance.invoiceMacaroonParameter/,
      ],
      ['a rate that is not n or n/d', (c) => ({ ...c, rate: 'ten' }), 'issuance.rate', /rate must be/],
      ['a rate of 0', (c) => ({ ...c, rate: '0' }), 'issuance.rate', /rate must be above 0/],
      [
        'minSats above maxSats',
        (c) => ({ ...c, minSats: 2000, maxSats: 1000 }),
        'issuance.minSats',
        /minSats is above maxSats/,
      ],
      [
        "an expiry above lnd's limit",
        (c) => ({ ...c, maxInvoiceExpirySeconds: 31_536_001 }),
        'issuance.maxInvoiceExpirySeconds',
        /31536000/,
      ],
      ['a chain id of 0', (c) => ({ ...c, chainId: 0 }), 'issuance.chainId', /at least 1/],
      [
        'a chain id as text',
        (c) => ({ ...c, chainId: '2789' }),
        'issuance.chainId',
        /expected number, received string/,
      ],
      ['a batch above the FIFO limit', (c) => ({ ...c, batchSize: 11 }), 'issuance.batchSize', /at most 10/],
      [
        'a visibility timeout not above the consumer timeout',
        (c) => ({ ...c, visibilityTimeoutSeconds: 30 }),
        'issuance.visibilityTimeoutSeconds',
        /at least 31/,
      ],
      ['a queue name with .fifo', (c) => ({ ...c, queueName: 'mint.fifo' }), 'issuance.queueName', /no \.fifo/],
      [
        'a KMS key that is not an ARN',
        (c) => ({ ...c, parameterKeyArn: 'alias/aws/ssm' }),
        'issuance.parameterKeyArn',
        /KMS key ARN/,
      ],
      ['a misspelled setting', (c) => ({ ...c, batchsize: 5 }), 'issuance.batchsize', /no such setting/],
      [
        'bundles not built',
        (c) => ({ ...c, bundlesDir: '/nonexistent/bundles' }),
        'issuance.bundlesDir',
        /invoice-api\.zip does not exist/,
      ],
    ]
    for (const [name, edit, field, details] of cases)
      it(`refuses ${name} (${field})`, () => {
        const input = edit({ ...baseConfig(bundlesDir) })
        assert.throws(
          () => validateIssuanceConfig(input),
          (error: unknown) => {
            assert.ok(error instanceof AwsStackError)
            assert.equal(error.code, 'AWS_STACK_CONFIG_INVALID')
            assert.equal(error.field, field)
            assert.match(error.details ?? '', details)
            assert.ok(!error.message.includes(key), 'the key never reaches the message')
            return true
          },
        )
      })

    it('refuses before any synth when the construct gets the bad section', () => {
      const app = new App({ outdir: join(work, 'refused.out') })
      const stack = new PinnedStack(app, 'Refused', { env: { account: ACCOUNT, region: REGION } })
      // aws-cdk-lib's own types disagree under exactOptionalPropertyTypes (`vpnGatewayId?: string`).
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 3, natGateways: 1 }) as ec2.IVpc
      assert.throws(
        () =>
          new IssuanceFunctions(stack, 'Issuance', {
            ...baseConfig(bundlesDir),
            operatorKeyParameters: [],
            vpc,
            lnd: LND,
            rpcUrl: RPC_URL,
          }),
        (error: unknown) => error instanceof AwsStackError && error.field === 'issuance.operatorKeyParameters',
      )
      assert.equal(stack.node.tryFindChild('Issuance')?.node.children.length ?? 0, 0)
    })

    it('names a missing bundle in a directory that holds the others', async () => {
      const partial = join(work, 'partial')
      await mkdir(partial, { recursive: true })
      await writeFile(join(partial, 'invoice-api.zip'), 'zip')
      await writeFile(join(partial, 'mint-watcher.zip'), 'zip')
      assert.throws(
        () => validateIssuanceConfig({ ...baseConfig(partial) }),
        (error: unknown) =>
          error instanceof AwsStackError &&
          error.field === 'issuance.bundlesDir' &&
          /mint-consumer\.zip does not exist/.test(error.details ?? ''),
      )
    })
  })
})
