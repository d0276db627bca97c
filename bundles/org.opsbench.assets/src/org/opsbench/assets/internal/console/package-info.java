/** The assets area's Gogo commands (scope {@code assets}). */
package org.opsbench.assets.internal.console;
