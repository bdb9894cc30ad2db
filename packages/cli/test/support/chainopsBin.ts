import { fileURLToPath } from 'node:url'

/** The real `bin/chainops` (the project's Node), for tests that run it in a fresh process. */
export const chainopsBin = fileURLToPath(new URL('../../../../bin/chainops', import.meta.url))
