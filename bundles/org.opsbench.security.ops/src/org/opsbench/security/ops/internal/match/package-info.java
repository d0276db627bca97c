/** The matching engine: advisories indexed by ecosystem and package, installed versions against their ranges. */
package org.opsbench.security.ops.internal.match;
