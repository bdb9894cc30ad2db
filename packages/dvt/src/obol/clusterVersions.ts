/** The cluster definition and lock versions this package reads, hashes and signs (charon's v1.7.0 to v1.11.0). */
export const clusterVersions = ['v1.7.0', 'v1.8.0', 'v1.9.0', 'v1.10.0', 'v1.11.0'] as const

/** A cluster definition or lock version this package supports. */
export type ClusterVersion = (typeof clusterVersions)[number]
