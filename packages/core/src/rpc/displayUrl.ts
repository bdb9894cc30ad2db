/** The URL as shown in reports and errors: any `user:password@` part becomes `***@`. */
export function displayUrl(url: URL): string {
  if (url.username === '' && url.password === '') return url.href
  const copy = new URL(url.href)
  copy.username = '***'
  copy.password = ''
  return copy.href
}
