/** When each step of a call happened, in ms from its start; a missing mark has not happened. */
export type RequestMarks = { lookup?: number; connect?: number; secure?: number; firstByte?: number }

/** Where a call that failed or timed out had got to, in words for the error's details. */
export function requestPhase(marks: RequestMarks, tls: boolean): string {
  if (marks.firstByte !== undefined) return 'reading the answer'
  if (marks.secure !== undefined || (!tls && marks.connect !== undefined)) return 'waiting for the answer'
  if (marks.connect !== undefined) return 'in the TLS handshake'
  return 'connecting'
}
