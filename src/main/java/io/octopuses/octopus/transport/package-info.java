/**
 * How the client talks: Feign over OkHttp, the PascalCase codec, error mapping, retries, time and size bounds,
 * streamed uploads, paging and key redaction in headers. Internal to the octopus module: nothing outside it may use
 * these classes (ArchitectureTest), and all but {@link io.octopuses.octopus.transport.OctopusTransport}, the door
 * {@link io.octopuses.octopus.OctopusClients} opens clients through, are package-private.
 */
package io.octopuses.octopus.transport;
