import assert from 'node:assert/strict'
import { HDNodeWallet, Mnemonic } from 'ethers'
import { mnemonicToAccount } from 'viem/accounts'
import { createDefinition } from './createDefinition.ts'
import { signDefinition } from './signDefinition.ts'
import { verifyDefinition } from './verifyDefinition.ts'

// Hardhat's test mnemonic: a public test value, no funds.
const mnemonic = 'test test test test test test test test test test test junk'
const enr =
  'enr:-HW4QEp-BLhP30tqTGFbR9n2PdUKWP9qc0zphIRmn8_jpm4BYkgekztXQaPA_znRW8RvNYHo0pUwyPEwUGGeZu26XlKAgmlkgnY0iXNlY3AyNTZrMaEDG4TFVnsSZECZXT7VqroFZdceGDRgSBn_nBf16dXdB41'

describe('signDefinition with ethers v6 signers', () => {
  const path = (i: number) => `m/44'/60'/0'/0/${i}` as const
  const viemAccounts = [0, 1, 2].map((i) => mnemonicToAccount(mnemonic, { path: path(i) }))
  const ethersWallets = [0, 1, 2].map((i) => HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(mnemonic), path(i)))
  const definition = createDefinition({
    name: 'ethers',
    operators: viemAccounts.map(({ address }) => address),
    validators: 1,
    feeRecipient: viemAccounts[0]?.address as string,
    withdrawalAddress: viemAccounts[0]?.address as string,
    network: 'mainnet',
    creator: viemAccounts[0]?.address as string,
  })

  it('an ethers HDNodeWallet signs the creator and operator hashes to the same bytes as the viem account; the result verifies', async () => {
    const viaEthers = await signDefinition(definition, { role: 'creator', account: ethersWallets[0] as HDNodeWallet })
    const viaViem = await signDefinition(definition, { role: 'creator', account: viemAccounts[0] as never })
    assert.equal(viaEthers.creator.config_signature, viaViem.creator.config_signature)
    assert.match(viaEthers.creator.config_signature, /^0x[0-9a-f]{130}$/)

    let signed = viaEthers
    for (const wallet of ethersWallets)
      signed = await signDefinition(signed, { role: 'operator', account: wallet, enr })
    let reference = viaViem
    for (const account of viemAccounts)
      reference = await signDefinition(reference, { role: 'operator', account: account as never, enr })
    assert.deepEqual(signed, reference)
    // 3 operators x (config hash, ENR) + the creator's config hash
    assert.deepEqual(await verifyDefinition(signed), {
      configHash: signed.config_hash,
      definitionHash: signed.definition_hash,
      signatures: 7,
    })
  })
})
