/**
 * The shell script of an instance's `UserData` as CloudFormation would hand it to the instance:
 * `Fn::Base64` of a string or of an `Fn::Join`, with each intrinsic (a `Ref`, a `GetAtt`) shown
 * as `{{Ref:X}}` / `{{GetAtt:X.Y}}` so assertions can see where deploy-time values go.
 */
export function renderUserData(userData: unknown): string {
  const base64 = (userData as { 'Fn::Base64'?: unknown })['Fn::Base64']
  if (base64 === undefined) throw new TypeError('UserData is not Fn::Base64')
  return render(base64)
}

function render(value: unknown): string {
  if (typeof value === 'string') return value
  const object = value as Record<string, unknown>
  if (Array.isArray(object['Fn::Join'])) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]]
    return parts.map(render).join(separator)
  }
  if (typeof object.Ref === 'string') return `{{Ref:${object.Ref}}}`
  if (Array.isArray(object['Fn::GetAtt'])) return `{{GetAtt:${(object['Fn::GetAtt'] as string[]).join('.')}}}`
  throw new TypeError(`cannot render ${JSON.stringify(value)}`)
}
