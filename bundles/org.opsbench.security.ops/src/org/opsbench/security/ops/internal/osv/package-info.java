/** OSV advisory files: a JSON reader, the OSV schema mapping and the CVSS v3 base score. */
package org.opsbench.security.ops.internal.osv;
