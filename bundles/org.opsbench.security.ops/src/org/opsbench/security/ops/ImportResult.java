package org.opsbench.security.ops;

/** What an advisory import stored: files read, advisories stored (new or replaced), affected packages. */
public record ImportResult(int files, int advisories, int packages) {
}
