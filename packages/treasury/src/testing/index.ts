export { TrezorConnectDouble } from './TrezorConnectDouble.ts'
export type { TrezorConnectDoubleCall } from './TrezorConnectDoubleCall.ts'
