/**
 * The element ids of the Opsbench application model that UI bundles attach their {@code fragment.e4xmi} contributions
 * to. These ids are API: they do not change within a major version.
 */
package org.opsbench.workbench;
