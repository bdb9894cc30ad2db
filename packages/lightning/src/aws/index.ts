// @chainops/lightning/aws: the AWS mode's resources (DynamoDB store, SQS FIFO mint queue, SSM
// secrets). The only entry of this package that loads the AWS SDK.
export {
  type AwsIssuanceResources,
  type OpenAwsIssuanceResourcesParameters,
  openAwsIssuanceResources,
} from './openAwsIssuanceResources.ts'
