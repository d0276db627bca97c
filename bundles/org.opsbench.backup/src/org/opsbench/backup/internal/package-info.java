/** The backup area's runtime: runs, restores, verification, drills, scheduling, events. */
package org.opsbench.backup.internal;
