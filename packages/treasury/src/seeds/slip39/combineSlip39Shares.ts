import { createHmac } from 'node:crypto'
import { Secret } from '@chainops/core'
import { TreasuryError } from '../../errors/TreasuryError.ts'
import { revealText } from '../revealText.ts'
import { decodeSlip39Share } from './decodeSlip39Share.ts'
import type { Gf256Share } from './Gf256Share.ts'
import { interpolateGf256 } from './interpolateGf256.ts'
import type { Slip39EncryptedMasterSecret } from './Slip39EncryptedMasterSecret.ts'
import type { Slip39Share } from './Slip39Share.ts'

const SECRET_INDEX = 255
const DIGEST_INDEX = 254
const DIGEST_LENGTH = 4

function recoverSecret(threshold: number, shares: readonly Gf256Share[], where: string): Uint8Array {
  if (threshold === 1) return (shares[0] as Gf256Share).data.slice()
  const secret = interpolateGf256(shares, SECRET_INDEX)
  const digestShare = interpolateGf256(shares, DIGEST_INDEX)
  const digest = createHmac('sha256', digestShare.subarray(DIGEST_LENGTH)).update(secret).digest()
  const ok = digest.subarray(0, DIGEST_LENGTH).equals(digestShare.subarray(0, DIGEST_LENGTH))
  digest.fill(0)
  digestShare.fill(0)
  if (!ok) {
    secret.fill(0)
    throw new TreasuryError({
      code: 'SLIP39_DIGEST_MISMATCH',
      shortMessage: `${where}: the shares do not recover a consistent secret`,
      details: 'one share is from another backup or was mistyped in a way the checksum missed',
    })
  }
  return secret
}

/**
 * Combines SLIP-39 shares (one 1-of-1 share, or member shares of enough groups) into the encrypted
 * master secret. Every share is checked (words, checksum, padding); sets that mix backups, lack
 * shares or repeat a member are refused with a code saying which.
 */
export function combineSlip39Shares(input: readonly string[] | Secret<readonly string[]>): Slip39EncryptedMasterSecret {
  const mnemonics = input instanceof Secret ? input.reveal() : input
  if (!Array.isArray(mnemonics) || mnemonics.length === 0) {
    throw new TreasuryError({ code: 'SLIP39_SHARES_EMPTY', shortMessage: 'no SLIP-39 shares were given' })
  }
  const decoded: Slip39Share[] = []
  const seen = new Set<string>()
  try {
    mnemonics.forEach((mnemonic, i) => {
      const text = revealText(mnemonic, 'a SLIP-39 share')
      const key = text.trim().toLowerCase().split(/\s+/u).join(' ')
      if (seen.has(key)) return // the same share twice adds nothing
      seen.add(key)
      decoded.push(decodeSlip39Share(text, `share ${i + 1} of ${mnemonics.length}`))
    })
    seen.clear()
    const first = decoded[0] as Slip39Share
    for (const share of decoded) {
      const same =
        share.identifier === first.identifier &&
        share.extendable === first.extendable &&
        share.iterationExponent === first.iterationExponent &&
        share.groupThreshold === first.groupThreshold &&
        share.groupCount === first.groupCount
      if (!same) {
        throw new TreasuryError({
          code: 'SLIP39_SHARES_MISMATCH',
          shortMessage: 'the shares come from different backups',
          details: 'identifier, iteration exponent, group threshold or group count differ',
        })
      }
    }
    const groups = new Map<number, Slip39Share[]>()
    for (const share of decoded) {
      const group = groups.get(share.groupIndex) ?? []
      if (group[0] && group[0].memberThreshold !== share.memberThreshold) {
        throw new TreasuryError({
          code: 'SLIP39_SHARES_MISMATCH',
          shortMessage: `shares of group ${share.groupIndex + 1} disagree on the member threshold`,
        })
      }
      group.push(share)
      groups.set(share.groupIndex, group)
    }
    if (groups.size < first.groupThreshold) {
      throw new TreasuryError({
        code: 'SLIP39_SHARES_INSUFFICIENT',
        shortMessage: `shares of ${groups.size} group(s) were given, ${first.groupThreshold} are needed`,
      })
    }
    if (groups.size > first.groupThreshold) {
      throw new TreasuryError({
        code: 'SLIP39_SHARES_EXCESS',
        shortMessage: `shares of ${groups.size} groups were given, exactly ${first.groupThreshold} are expected`,
      })
    }
    const groupSecrets: Gf256Share[] = []
    try {
      for (const [groupIndex, members] of groups) {
        const threshold = (members[0] as Slip39Share).memberThreshold
        if (members.length !== threshold) {
          throw new TreasuryError({
            code: members.length < threshold ? 'SLIP39_SHARES_INSUFFICIENT' : 'SLIP39_SHARES_EXCESS',
            shortMessage: `group ${groupIndex + 1} has ${members.length} share(s), ${threshold} are needed`,
          })
        }
        const memberShares = members.map((share) => ({ x: share.memberIndex, data: share.value }))
        groupSecrets.push({ x: groupIndex, data: recoverSecret(threshold, memberShares, `group ${groupIndex + 1}`) })
      }
      const ciphertext = recoverSecret(first.groupThreshold, groupSecrets, 'groups')
      return {
        identifier: first.identifier,
        extendable: first.extendable,
        iterationExponent: first.iterationExponent,
        ciphertext: new Secret(ciphertext),
      }
    } finally {
      for (const share of groupSecrets) share.data.fill(0)
    }
  } finally {
    for (const share of decoded) share.value.fill(0)
  }
}
