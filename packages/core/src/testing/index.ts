export { type QueueContractTarget, queueContract } from './queueContract.ts'
export { type StoreContractTarget, storeContract } from './storeContract.ts'
