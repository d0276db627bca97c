/** The security operations views: compliance board, findings, port audit, security events. */
package org.opsbench.security.ops.ui.internal;
