package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbench.core.Impact;
import org.opsbench.core.Priority;
import org.opsbench.core.Urgency;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.PriorityMatrix;

/** The configurable priority matrix: ITIL 3x3, the 5x5 option, a custom one and its validation. */
class PriorityMatrixTest {

    @ParameterizedTest(name = "3x3 impact {0} urgency {1} -> {2}")
    @CsvSource({"1,1,P1", "1,2,P2", "1,3,P3", "2,1,P2", "2,2,P3", "2,3,P4", "3,1,P3", "3,2,P4", "3,3,P5"})
    void itil3x3GivesEveryCell(int impact, int urgency, Priority expected) {
        assertEquals(expected, PriorityMatrix.itil3().priority(impact, urgency));
    }

    @Test
    void itil3x3AgreesWithTheCoreMatrix() {
        for (Impact i : Impact.values()) {
            for (Urgency u : Urgency.values()) {
                assertEquals(Priority.of(i, u), PriorityMatrix.itil3().priority(i, u), i + "/" + u);
            }
        }
    }

    @ParameterizedTest(name = "5x5 impact {0} urgency {1} -> {2}")
    @CsvSource({"1,1,P1", "1,2,P1", "2,2,P2", "1,5,P3", "3,3,P3", "5,1,P3", "4,4,P4", "5,4,P4", "5,5,P5"})
    void itil5x5StepsOnePriorityPerTwoLevels(int impact, int urgency, Priority expected) {
        assertEquals(expected, PriorityMatrix.itil5().priority(impact, urgency));
    }

    @Test
    void coreLevelsMapOntoTheFiveLevelMatrix() {
        assertEquals(Priority.P1, PriorityMatrix.itil5().priority(Impact.HIGH, Urgency.HIGH));
        assertEquals(Priority.P3, PriorityMatrix.itil5().priority(Impact.MEDIUM, Urgency.MEDIUM));
        assertEquals(Priority.P5, PriorityMatrix.itil5().priority(Impact.LOW, Urgency.LOW));
    }

    @Test
    void customMatrixSurvivesItsTextForm() {
        PriorityMatrix custom = PriorityMatrix.decode("P1 P1 P2 / P2 P3 P4 / P3 P4 P5");
        assertEquals(Priority.P1, custom.priority(1, 2));
        assertEquals(custom, PriorityMatrix.decode(custom.encode()));
        assertEquals(PriorityMatrix.itil5(), PriorityMatrix.decode(PriorityMatrix.itil5().encode()));
    }

    @Test
    void levelsOutsideTheMatrixAreRefusedNamingTheField() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> PriorityMatrix.itil3().priority(4, 1));
        assertEquals("impact", e.field());
        assertEquals("urgency", assertThrows(InvalidTicketException.class,
                () -> PriorityMatrix.itil5().priority(1, 0)).field());
    }

    @Test
    void malformedMatricesAreRefused() {
        assertEquals("matrix.size",
                assertThrows(InvalidTicketException.class, () -> PriorityMatrix.decode("P1 P2 / P2 P3")).field());
        assertEquals("matrix.cells", assertThrows(InvalidTicketException.class,
                () -> PriorityMatrix.decode("P1 P2 P3 / P2 P3 / P3 P4 P5")).field());
        assertEquals("matrix.cells", assertThrows(InvalidTicketException.class,
                () -> PriorityMatrix.decode("P1 P2 P3 / P2 P3 P9 / P3 P4 P5")).field());
    }
}
