import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as events from 'aws-cdk-lib/aws-events'
import * as targets from 'aws-cdk-lib/aws-events-targets'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as sqs from 'aws-cdk-lib/aws-sqs'
import * as ssm from 'aws-cdk-lib/aws-ssm'
import { Construct } from 'constructs'
import { createIssuanceFunctionRole } from './createIssuanceFunctionRole.ts'
import { grantParameterReads } from './grantParameterReads.ts'
import type { IssuanceConfig } from './IssuanceConfig.ts'
import { issuanceDefaults } from './issuanceDefaults.ts'
import { issuanceSettingsEnvironment } from './issuanceSettingsEnvironment.ts'
import { lambdaBundlePaths } from './lambdaBundlePaths.ts'
import { validateIssuanceConfig } from './validateIssuanceConfig.ts'

export type IssuanceFunctionsProps = IssuanceConfig & {
  vpc: ec2.IVpc
  /** Where the functions' network interfaces go. Default the VPC's private subnets with egress. */
  vpcSubnets?: ec2.SubnetSelection | undefined
  /** lnd's gRPC endpoint inside the VPC: a fixed private IPv4 address and its port (10009). */
  lnd: { host: string; grpcPort: number }
  /** The chain's RPC behind the internal load balancer (eth, net, web3 only), e.g. `http://<dns>:8545`. */
  rpcUrl: string
}

/**
 * DynamoDB actions of the store's writers. TransactWriteItems is no IAM action: IAM authorizes each
 * item of a transaction by its own action, and the store's transactions hold Put, Delete and
 * ConditionCheck items.
 */
const STORE_WRITER_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
]

/**
 * The AWS mode of issuance (issue 11) as deployed: the invoice API behind an HTTP API
 * (`POST /invoices`, `GET /invoices/{hash}`), the mint queue (SQS FIFO `<name>.fifo`, dead letters in
 * `<name>-dlq.fifo`) feeding the mint consumer in batches with `ReportBatchItemFailures`, one receipt
 * watcher per sending key on an EventBridge `rate(1 minute)` schedule, and the store's DynamoDB
 * table (partition key `t`, sort key `k`, point-in-time recovery). The functions run the bundles of
 * examples/lambda in the VPC's private subnets behind their own security group; their environment
 * holds SSM parameter names, never a secret; each role grants only what that function calls, on
 * the resources it calls it on.
 *
 * The settle subscriber is not here: it holds a stream to lnd, so it runs on the lnd host and
 * sends to `mintQueue` and writes to `table` (grant them to its role).
 */
export class IssuanceFunctions extends Construct {
  /** The functions' security group: lnd's gRPC and the RPC load balancer admit it. */
  readonly functionsSecurityGroup: ec2.SecurityGroup
  /** The store: invoices, the mint journal and its open-row index, nonces, leases, cursors (one table). */
  readonly table: dynamodb.Table
  /** The mint queue's name without `.fifo` (what `SqsQueue` and `CHAINOPS_MINT_QUEUE` take). */
  readonly mintQueueName: string
  /** The mint queue (FIFO): the settle subscriber sends one message per PAID invoice, group `mint:<sender>`. */
  readonly mintQueue: sqs.Queue
  /** Where SQS moves a message after `maxReceiveCount` deliveries, and the consumer dead-letters malformed ones. */
  readonly deadLetterQueue: sqs.Queue
  readonly httpApi: apigwv2.HttpApi
  readonly invoiceApiFunction: lambda.Function
  readonly mintConsumerFunction: lambda.Function
  /** One per sending key, in the order of `operatorKeyParameters`. */
  readonly mintWatcherFunctions: readonly lambda.Function[]

  constructor(scope: Construct, id: string, props: IssuanceFunctionsProps) {
    super(scope, id)
    const { vpc, vpcSubnets, lnd, rpcUrl, ...input } = props
    const config = validateIssuanceConfig(input)
    const bundles = lambdaBundlePaths(config.bundlesDir)
    const subnets = vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }

    this.functionsSecurityGroup = new ec2.SecurityGroup(this, 'FunctionsSecurityGroup', {
      vpc,
      description: 'chainops issuance functions: HTTPS to AWS APIs, gRPC to lnd, RPC to the chain load balancer',
      allowAllOutbound: false,
    })
    // SSM, DynamoDB and SQS through the NAT gateway (or VPC endpoints).
    this.functionsSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'AWS APIs over HTTPS')
    this.functionsSecurityGroup.addEgressRule(
      ec2.Peer.ipv4(`${lnd.host}/32`),
      ec2.Port.tcp(lnd.grpcPort),
      'lnd gRPC (invoice API)',
    )

    this.table = new dynamodb.Table(this, 'Store', {
      partitionKey: { name: 't', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'k', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The journal is the truth of every mint: never dropped with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    })

    this.mintQueueName = config.queueName ?? issuanceDefaults.queueName
    this.deadLetterQueue = new sqs.Queue(this, 'MintDeadLetterQueue', {
      queueName: `${this.mintQueueName}-dlq.fifo`,
      fifo: true,
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    })
    this.mintQueue = new sqs.Queue(this, 'MintQueue', {
      queueName: `${this.mintQueueName}.fifo`,
      fifo: true,
      // Every message carries its dedup id (the payment hash), never one derived from the body.
      contentBasedDeduplication: false,
      // A payment hash always goes to its key's group, so dedup per group loses nothing and SQS
      // then scales each group (sending key) on its own.
      deduplicationScope: sqs.DeduplicationScope.MESSAGE_GROUP,
      fifoThroughputLimit: sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
      visibilityTimeout: Duration.seconds(config.visibilityTimeoutSeconds ?? issuanceDefaults.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(14),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: config.maxReceiveCount ?? issuanceDefaults.maxReceiveCount,
      },
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    })

    const settings = issuanceSettingsEnvironment({ config, tableName: this.table.tableName, rpcUrl })
    const makeFunction = (name: string, parameters: FunctionParameters) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        retention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.RETAIN,
      })
      const role = createIssuanceFunctionRole(this, `${name}Role`, {
        logGroup,
        description: `chainops ${parameters.description}`,
      })
      const fn = new lambda.Function(this, name, {
        description: `chainops ${parameters.description}`,
        runtime: lambda.Runtime.NODEJS_22_X,
        // Nothing in the bundles is native.
        architecture: lambda.Architecture.ARM_64,
        handler: 'index.handler',
        code: lambda.Code.fromAsset(parameters.bundle),
        timeout: Duration.seconds(parameters.timeoutSeconds),
        memorySize: parameters.memorySize,
        environment: parameters.environment,
        role,
        logGroup,
        vpc,
        vpcSubnets: subnets,
        securityGroups: [this.functionsSecurityGroup],
        ...(parameters.reservedConcurrency === undefined
          ? {}
          : { reservedConcurrentExecutions: parameters.reservedConcurrency }),
      })
      return fn
    }
    const grantStore = (fn: lambda.Function, actions: readonly string[]) =>
      fn.addToRolePolicy(
        new iam.PolicyStatement({ sid: 'Store', actions: [...actions], resources: [this.table.tableArn] }),
      )

    // The invoice API: lnd (two macaroons, least privilege each) and the store; never the operator key.
    this.invoiceApiFunction = makeFunction('InvoiceApi', {
      description: 'invoice API (POST /invoices, GET /invoices/{hash})',
      bundle: bundles.invoiceApi,
      timeoutSeconds: issuanceDefaults.invoiceApiTimeoutSeconds,
      // lightning loads its protos per lnd client at cold start: CPU comes with memory.
      memorySize: 512,
      environment: {
        ...settings,
        CHAINOPS_LND_SOCKET: `${lnd.host}:${lnd.grpcPort}`,
        // Public (a TLS certificate), read from its String parameter at deploy.
        CHAINOPS_LND_CERT: ssm.StringParameter.valueForStringParameter(this, config.lndCertParameter),
        CHAINOPS_INVOICE_MACAROON_PARAMETER: config.invoiceMacaroonParameter,
        CHAINOPS_READONLY_MACAROON_PARAMETER: config.readOnlyMacaroonParameter,
      },
    })
    // createInvoice writes the PENDING record once (putIfAbsent); the status route reads it.
    grantStore(this.invoiceApiFunction, ['dynamodb:GetItem', 'dynamodb:PutItem'])
    grantParameterReads(this, this.invoiceApiFunction, {
      names: [config.invoiceMacaroonParameter, config.readOnlyMacaroonParameter],
      keyArn: config.parameterKeyArn,
    })

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'chainops invoice API',
      createDefaultStage: true,
    })
    const integration = new HttpLambdaIntegration('InvoiceApiIntegration', this.invoiceApiFunction, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    })
    this.httpApi.addRoutes({ path: '/invoices', methods: [apigwv2.HttpMethod.POST], integration })
    this.httpApi.addRoutes({ path: '/invoices/{hash}', methods: [apigwv2.HttpMethod.GET], integration })

    // The mint consumer: journals each batch, broadcasts, acknowledges; the watcher finishes. One
    // function for every key (each record goes to the minter of its group `mint:<sender>`).
    const operatorKeys = config.operatorKeyParameters
    this.mintConsumerFunction = makeFunction('MintConsumer', {
      description: 'mint consumer (SQS FIFO mint queue)',
      bundle: bundles.mintConsumer,
      timeoutSeconds: issuanceDefaults.consumerTimeoutSeconds,
      memorySize: 512,
      environment: {
        ...settings,
        CHAINOPS_MINT_QUEUE: this.mintQueueName,
        ...(operatorKeys.length === 1
          ? { CHAINOPS_OPERATOR_KEY_PARAMETER: operatorKeys[0] as string }
          : { CHAINOPS_OPERATOR_KEY_PARAMETERS: operatorKeys.join(',') }),
      },
    })
    // The event source's own calls: ReceiveMessage, DeleteMessage, ChangeMessageVisibility,
    // GetQueueAttributes, GetQueueUrl on the mint queue (granted by the event source).
    this.mintConsumerFunction.addEventSource(
      new SqsEventSource(this.mintQueue, {
        batchSize: config.batchSize ?? issuanceDefaults.batchSize,
        reportBatchItemFailures: true,
      }),
    )
    // SqsQueue resolves both queues by name and dead-letters a malformed message with its reason.
    this.mintConsumerFunction.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'DeadLetterMalformed',
        actions: ['sqs:SendMessage', 'sqs:GetQueueUrl'],
        resources: [this.deadLetterQueue.queueArn],
      }),
    )
    grantStore(this.mintConsumerFunction, STORE_WRITER_ACTIONS)
    grantParameterReads(this, this.mintConsumerFunction, { names: operatorKeys, keyArn: config.parameterKeyArn })

    // One receipt watcher per sending key; reserved concurrency 1, and the key's lease in the store
    // keeps two runs from driving one key at once.
    this.mintWatcherFunctions = config.operatorKeyParameters.map((keyParameter, index) => {
      const fn = makeFunction(`MintWatcher${index}`, {
        description: `receipt watcher of sending key ${index}`,
        bundle: bundles.mintWatcher,
        timeoutSeconds: issuanceDefaults.watcherTimeoutSeconds,
        memorySize: 256,
        reservedConcurrency: 1,
        environment: { ...settings, CHAINOPS_OPERATOR_KEY_PARAMETER: keyParameter },
      })
      grantStore(fn, STORE_WRITER_ACTIONS)
      grantParameterReads(this, fn, { names: [keyParameter], keyArn: config.parameterKeyArn })
      new events.Rule(this, `MintWatcher${index}Schedule`, {
        description: `chainops receipt watcher of sending key ${index}`,
        schedule: events.Schedule.expression(issuanceDefaults.watcherSchedule),
        // A missed run is not retried: the next minute's run resumes from the journal.
        targets: [new targets.LambdaFunction(fn, { retryAttempts: 0 })],
      })
      return fn
    })
  }
}

type FunctionParameters = {
  description: string
  bundle: string
  timeoutSeconds: number
  memorySize: number
  environment: Record<string, string>
  reservedConcurrency?: number | undefined
}
