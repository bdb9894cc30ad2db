import type { Abi } from 'viem'
import { loadSsvNetworkDeployment } from './loadSsvNetworkDeployment.ts'

/**
 * The SSVNetwork ABI chainops encodes and decodes with: mainnet's from ssv-scanner, checked at load
 * (Hoodi's carries the same functions and events for what chainops uses; a test compares them).
 */
export const ssvNetworkAbi: Abi = loadSsvNetworkDeployment('mainnet').abi
