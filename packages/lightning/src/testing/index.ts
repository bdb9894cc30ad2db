// @chainops/lightning/testing: fixtures for driving parts of the pipeline without lnd (benchmarks,
// tests). Never for a production store.
export { type PaidInvoiceFixture, type PutPaidInvoicesParameters, putPaidInvoices } from './putPaidInvoices.ts'
