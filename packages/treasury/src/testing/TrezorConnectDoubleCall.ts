/** What one call did, for tests: the method, the device instance and the paths. Never a passphrase. */
export type TrezorConnectDoubleCall = { method: string; instance: number; paths: string[] }
