/**
 * Extension interfaces: a third party adds a check type, a notifier, a discovery probe, a backup target or a dashboard
 * tile by registering an OSGi service that implements one of them.
 * <p>
 * These interfaces are {@link org.osgi.annotation.versioning.ConsumerType consumer types}: extensions implement them,
 * so the package follows OSGi semantic versioning for implementers. A method added to one of them is a <em>major</em>
 * change (2.0.0); new types beside them are minor changes. Import the package with the range {@code [1.0.0,2.0.0)}. The
 * build compares the package with its last release and fails on a break without a major version increase (see
 * {@code docs/extending.md}).
 */
package org.opsbench.core.spi;
