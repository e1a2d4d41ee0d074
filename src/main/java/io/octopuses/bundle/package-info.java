/**
 * Bundles (docs/bundle-format.md): signed, self-describing ZIP archives that carry work and results between
 * Octopuses instances that cannot call each other. The API other modules use: {@link io.octopuses.bundle.Bundles}
 * (seal, open, this instance's identity), {@link io.octopuses.bundle.BundleInbox} (receive, with replay refusal;
 * {@link io.octopuses.bundle.BundleReceived} is published durably for each bundle received),
 * {@link io.octopuses.bundle.BundleOutbox} (bundles waiting to be carried) and the trust store
 * ({@link io.octopuses.bundle.TrustStore}). {@link io.octopuses.bundle.BundleCli} verifies a bundle offline.
 */
package io.octopuses.bundle;
