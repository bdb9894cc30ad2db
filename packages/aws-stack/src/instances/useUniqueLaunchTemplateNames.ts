import { EC2_UNIQUE_IMDSV2_LAUNCH_TEMPLATE_NAME } from 'aws-cdk-lib/cx-api'
import type { Construct } from 'constructs'

/**
 * `requireImdsv2` gives each instance a launch template named `<id>LaunchTemplate` unless this
 * feature flag is on, so two `Instance` children anywhere in one account and region collide
 * (CloudFormation: AlreadyExists). Set on the construct itself, before its first child, the flag
 * holds wherever the construct is used, whatever the app's context says.
 */
export function useUniqueLaunchTemplateNames(construct: Construct): void {
  construct.node.setContext(EC2_UNIQUE_IMDSV2_LAUNCH_TEMPLATE_NAME, true)
}
