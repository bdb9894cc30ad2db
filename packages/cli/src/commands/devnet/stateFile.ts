// Temporary: the issuance commands still import the state file from here until they move to
// src/devnetState/ (their folder is being reworked by another change). Nothing else uses it.
export type { DevnetState } from '../../devnetState/DevnetState.ts'
export { devnetStatePath as statePath } from '../../devnetState/devnetStatePath.ts'
export { readDevnetState as readState } from '../../devnetState/readDevnetState.ts'
