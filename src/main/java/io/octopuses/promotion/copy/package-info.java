/**
 * Copying a release from one Octopus server to another: {@link io.octopuses.promotion.copy.ReleaseExporter} reads a
 * release's frozen process and variables, its step templates, library variable sets and packages from the source and
 * writes them, with every server id turned into a name, as a {@link io.octopuses.promotion.copy.ReleaseContent} (the
 * {@code release.json} of a promotion bundle) plus the package files; {@link io.octopuses.promotion.copy.ReleaseImporter}
 * checks a target ({@code preflight}), brings its project in line ({@code applyProject}), uploads the packages it lacks
 * and creates the same release, each step safe to run again. Plain services: no engine, no HTTP controllers.
 * docs/promotion-import.md describes what is copied, what the target keeps, and the conflicts.
 */
@NamedInterface("copy")
package io.octopuses.promotion.copy;

import org.springframework.modulith.NamedInterface;
