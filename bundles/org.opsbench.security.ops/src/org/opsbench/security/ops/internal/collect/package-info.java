/** What the scans run over SSH and the parsers of their output: packages, updates, ports, rulesets, auth logs. */
package org.opsbench.security.ops.internal.collect;
