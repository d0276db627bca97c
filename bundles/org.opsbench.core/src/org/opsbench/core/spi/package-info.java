/**
 * Extension interfaces: a third party adds a check type, a notifier, a discovery probe, a backup target or a dashboard
 * tile by registering an OSGi service that implements one of them.
 * <p>
 * <b>Provisional</b> (package version 0.x): the area issues may still refine these interfaces; from 1.0 on they follow
 * semantic versioning.
 */
package org.opsbench.core.spi;
