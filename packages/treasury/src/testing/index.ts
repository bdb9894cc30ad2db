export { TrezorConnectDouble, type TrezorConnectDoubleCall } from './TrezorConnectDouble.ts'
