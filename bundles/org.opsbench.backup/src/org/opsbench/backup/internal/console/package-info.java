/** The backup area's Gogo commands (scope {@code backup}). */
package org.opsbench.backup.internal.console;
