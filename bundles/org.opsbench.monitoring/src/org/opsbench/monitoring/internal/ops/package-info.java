/**
 * The monitoring scheduler for the server's operations endpoints: {@code /metrics} figures and a readiness condition.
 * Needs the REST package ({@code org.opsbench.rest}, imported optionally): without it (the rich client) these
 * components stay unsatisfied and nothing else changes.
 */
package org.opsbench.monitoring.internal.ops;
