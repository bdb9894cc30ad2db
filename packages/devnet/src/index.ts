export { DevnetError, type DevnetErrorCode } from './DevnetError.ts'
export type { GethCliqueNetwork } from './geth/GethCliqueNetwork.ts'
export type { GethNode, GethNodePorts } from './geth/GethNode.ts'
export type { StartGethCliqueParameters } from './geth/StartGethCliqueParameters.ts'
export {
  type StartGethCliqueErrorType,
  type StartGethCliqueReturnType,
  startGethClique,
} from './geth/startGethClique.ts'
export { type BakedMacaroons, bakeMacaroons } from './lightning/bakeMacaroons.ts'
export type { LndNode } from './lightning/LndNode.ts'
export type {
  LightningChannelOptions,
  LightningNodeOptions,
  StartLightningRegtestParameters,
} from './lightning/StartLightningRegtestParameters.ts'
export { type LightningRegtest, startLightningRegtest } from './lightning/startLightningRegtest.ts'
export { type MotoClientConfig, type MotoServer, type StartMotoParameters, startMoto } from './moto/startMoto.ts'
export { isPidAlive } from './process/Daemon.ts'
export { type DaemonName, daemonBinary } from './process/daemonBinary.ts'
export { freePort } from './process/freePort.ts'
export { tempDir } from './process/tempDir.ts'
export { type Stack, type StackEndpoints, type StartStackParameters, startStack } from './stack/startStack.ts'
