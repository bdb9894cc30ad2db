import type { S3Object } from '../config/ChainopsStackConfig.ts'

/** The shell line that copies an S3 object to `target` with the instance role (the AWS CLI that Amazon Linux carries). */
export function readS3Command(object: S3Object, target: string, region: string): string {
  return `aws s3 cp --only-show-errors --region ${region} 's3://${object.bucket}/${object.key}' '${target}'`
}
