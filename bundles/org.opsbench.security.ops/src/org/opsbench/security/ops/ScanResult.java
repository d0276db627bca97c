package org.opsbench.security.ops;

/** What a package scan of one host did: packages seen, findings opened, still present, and marked fixed. */
public record ScanResult(String host, int packages, int opened, int present, int fixed) {
}
