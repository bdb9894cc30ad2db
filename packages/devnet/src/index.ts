export { DevnetError, type DevnetErrorCode } from './DevnetError.ts'
export type { GethCliqueNetwork } from './geth/GethCliqueNetwork.ts'
export type { GethNode, GethNodePorts } from './geth/GethNode.ts'
export {
  type StartGethCliqueErrorType,
  type StartGethCliqueParameters,
  type StartGethCliqueReturnType,
  startGethClique,
} from './geth/startGethClique.ts'
export {
  type BakedMacaroons,
  bakeMacaroons,
  INVOICE_MACAROON_PERMISSIONS,
  READ_ONLY_MACAROON_PERMISSIONS,
} from './lightning/bakeMacaroons.ts'
export { type BtcdRpcConnection, btcdRpc } from './lightning/btcdRpc.ts'
export type { LndNode } from './lightning/LndNode.ts'
export {
  type LightningChannelOptions,
  type LightningNodeOptions,
  type LightningRegtest,
  type StartLightningRegtestParameters,
  startLightningRegtest,
} from './lightning/startLightningRegtest.ts'
export { type MotoClientConfig, type MotoServer, type StartMotoParameters, startMoto } from './moto/startMoto.ts'
export { Daemon, isPidAlive, logTail, type SpawnDaemonParameters } from './process/Daemon.ts'
export { cacheDir, type DaemonName, daemonBinary, daemonVersions } from './process/daemonBinary.ts'
export { freePort } from './process/freePort.ts'
export { tempDir } from './process/tempDir.ts'
export { type Stack, type StackEndpoints, type StartStackParameters, startStack } from './stack/startStack.ts'
