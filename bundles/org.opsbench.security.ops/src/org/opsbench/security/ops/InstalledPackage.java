package org.opsbench.security.ops;

/** A package installed on a host: the OSV ecosystem of the host ({@code Debian:12}), name and version. */
public record InstalledPackage(String ecosystem, String name, String version) {
}
