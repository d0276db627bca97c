/**
 * Value types shared by every Opsbench area: severity, impact, urgency, priority, references to configuration items and
 * the acting principal.
 * <p>
 * This package carries no implementation dependency; areas exchange these records across bundle boundaries.
 */
package org.opsbench.core;
