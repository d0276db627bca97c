/**
 * Test fixtures shared by the test bundles: a real OpenSSH {@code sshd} on 127.0.0.1
 * ({@link org.opsbench.testing.SshdExtension}) and waiting for OSGi services ({@link org.opsbench.testing.Services}).
 * Not shipped: only test bundles import it.
 */
package org.opsbench.testing;
