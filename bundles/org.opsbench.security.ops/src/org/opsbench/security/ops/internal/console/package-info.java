/** The security operations Gogo commands (scope {@code secops}). */
package org.opsbench.security.ops.internal.console;
