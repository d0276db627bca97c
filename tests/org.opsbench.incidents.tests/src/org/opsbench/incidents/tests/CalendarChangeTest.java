package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.incidents.BusinessCalendar;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.internal.sla.BusinessTime;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;

/** A new business-hours calendar recomputes the SLA deadlines of the open tickets at once, audited. */
class CalendarChangeTest {

    @Test
    void aNewCalendarMovesTheDeadlinesOfOpenTicketsOnly() throws Exception {
        IncidentsAdmin admin = Desk.admin();
        BusinessCalendar before = admin.calendar(Desk.OPS);
        BusinessCalendar office = BusinessCalendar.officeHours(ZoneId.of("UTC"));
        // a short working day: every deadline on it lies later than on office hours
        BusinessCalendar mornings = new BusinessCalendar(ZoneId.of("UTC"), EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(10, 0), Set.of());
        try {
            admin.saveCalendar(Desk.OPS, office);
            Ticket open = Desk.incidents().create(Desk.OPS, TicketDraft.incident("calendar open " + Desk.RUN, 2, 2));
            Ticket cancelled = Desk.incidents().create(Desk.OPS,
                    TicketDraft.incident("calendar cancelled " + Desk.RUN, 2, 2));
            Desk.incidents().transition(Desk.OPS, cancelled.reference(),
                    new TransitionRequest(TicketState.CANCELLED, "logged twice", "", ""));
            Ticket pending = Desk.incidents().create(Desk.OPS,
                    TicketDraft.incident("calendar pending " + Desk.RUN, 2, 2));
            Desk.incidents().transition(Desk.OPS, pending.reference(), TransitionRequest.to(TicketState.IN_PROGRESS));
            Desk.incidents().transition(Desk.OPS, pending.reference(), TransitionRequest.pending("waiting"));
            SlaPolicy policy = admin.policies(Desk.OPS).stream().filter(p -> p.name().equals(open.sla().policy()))
                    .findFirst().orElseThrow();
            assertEquals(new BusinessTime(office).plus(open.created(), policy.resolution()),
                    open.sla().resolutionDue(), "on office hours");

            admin.saveCalendar(Desk.OPS, mornings);

            Ticket moved = Desk.incidents().ticket(Desk.OPS, open.reference()).orElseThrow();
            BusinessTime short_ = new BusinessTime(mornings);
            assertEquals(short_.plus(open.created(), policy.resolution()), moved.sla().resolutionDue());
            assertEquals(short_.plus(open.created(), policy.response()), moved.sla().responseDue());
            assertTrue(moved.sla().resolutionDue().isAfter(open.sla().resolutionDue()));
            Ticket stillPending = Desk.incidents().ticket(Desk.OPS, pending.reference()).orElseThrow();
            assertNull(stillPending.sla().resolutionDue(), "a paused clock has no resolution deadline");
            assertEquals(short_.plus(pending.created(), policy.response()), stillPending.sla().responseDue());
            Ticket untouched = Desk.incidents().ticket(Desk.OPS, cancelled.reference()).orElseThrow();
            assertEquals(cancelled.sla().responseDue(), untouched.sla().responseDue(), "closed tickets keep theirs");
            assertNotEquals(moved.sla().responseDue(), untouched.sla().responseDue());

            // after the resume the clock runs on the new calendar
            Ticket resumed = Desk.incidents().transition(Desk.OPS, pending.reference(),
                    TransitionRequest.to(TicketState.IN_PROGRESS));
            assertTrue(resumed.sla().resolutionDue().isAfter(short_.plus(pending.created(), policy.resolution())
                    .minus(Duration.ofMinutes(1))));

            List<AuditRecord> audit = Desk.service(AuditTrail.class).search(Desk.OPS,
                    new AuditQuery(null, null, Desk.OPS.name(), "incidents-setting", "sla.calendar", 0));
            assertTrue(audit.stream().anyMatch(r -> r.entry().summary().startsWith(
                    "changed business-hours calendar; recomputed the SLA deadlines of ")
                    && r.entry().after().contains("10:00")), audit.toString());
        } finally {
            admin.saveCalendar(Desk.OPS, before);
        }
    }
}
