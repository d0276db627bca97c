package org.opsbench.security.ops;

/** An update the package manager would install: package, installed and candidate version, origin, security or not. */
public record PendingUpdate(String packageName, String installed, String candidate, String origin,
        boolean security) {
}
