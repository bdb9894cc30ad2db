/**
 * A shell command that writes an SSM parameter's (decrypted) value to `path`, readable by `owner`
 * only (`base64`: the value is the base64 of the file). The value goes from the CLI straight to the file: it is never echoed or logged.
 */
export function parameterToFileCommand(
  name: string,
  path: string,
  owner: string,
  region: string,
  options: { base64?: boolean } = {},
): string {
  const decode = options.base64 ? ' | base64 -d' : ''
  return [
    `install -d -o ${owner} -g ${owner} -m 0700 "$(dirname '${path}')"`,
    `(umask 077 && aws ssm get-parameter --region ${region} --with-decryption --name '${name}' --query Parameter.Value --output text${decode} > '${path}')`,
    `chown ${owner}:${owner} '${path}'`,
  ].join('\n')
}
