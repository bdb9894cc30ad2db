import type { CommandOptions } from '../framework/Command.ts'

/** `--aws-endpoint` and `--aws-region`, the flags awsClientConfig resolves (else the devnet's moto, else AWS). */
export const awsClientOptions: CommandOptions = {
  'aws-endpoint': {
    type: 'string',
    value: 'URL',
    description: 'aws: the AWS endpoint',
    default: "the devnet's moto, else AWS",
  },
  'aws-region': {
    type: 'string',
    value: 'REGION',
    description: 'aws: the AWS region',
    default: "the devnet's moto, else $AWS_REGION",
  },
}
