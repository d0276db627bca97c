/**
 * EventAdmin topics and event property names through which areas talk to each other without importing each other.
 * Topics follow {@code org/opsbench/<area>/<EVENT>}.
 */
package org.opsbench.core.events;
