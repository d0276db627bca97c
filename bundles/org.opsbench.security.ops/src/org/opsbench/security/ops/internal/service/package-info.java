/** The security operations services: the runtime (tables, index, clock, events), the scans and the API service. */
package org.opsbench.security.ops.internal.service;
