/**
 * Incidents and service desk, provisional (0.1.0). The services: {@link org.opsbench.incidents.Incidents} (tickets:
 * incidents and service requests, their lifecycle, worklog, attachments, queues, CSV import and export, metrics),
 * {@link org.opsbench.incidents.IncidentsAdmin} (assignment groups, priority matrix, business-hours calendar, SLA
 * policies), {@link org.opsbench.incidents.Problems} (problems and known errors) and
 * {@link org.opsbench.incidents.KnowledgeBase} (articles with full-text search).
 * <p>
 * The lifecycle is {@link org.opsbench.incidents.TicketState}; priorities come from a
 * {@link org.opsbench.incidents.PriorityMatrix}; SLA clocks run on a {@link org.opsbench.incidents.BusinessCalendar}
 * and pause while a ticket is pending. Events are posted on the {@code org/opsbench/incidents/*} topics of
 * {@link org.opsbench.core.events.Topics} with the property {@code reference} ({@code INC-000123}).
 */
package org.opsbench.incidents;
