/** Pure rules of the area: retention (keep last N, grandfather–father–son), objective states, due schedules. */
package org.opsbench.backup.internal.schedule;
