/**
 * What makes two Octopuses nodes on one database behave as one: scheduled work runs once per cluster
 * ({@link io.octopuses.cluster.ClusterJobs}, a ShedLock row per job), and domain events are stored with the
 * transaction that raised them (Spring Modulith's event publication registry) and handed again to any listener
 * that failed, until it succeeds ({@link io.octopuses.cluster.EventPublicationRetry}).
 */
package io.octopuses.cluster;
