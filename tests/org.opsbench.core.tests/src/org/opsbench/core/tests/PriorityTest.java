package org.opsbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.opsbench.core.Impact;
import org.opsbench.core.Priority;
import org.opsbench.core.Urgency;

class PriorityTest {

    @ParameterizedTest(name = "{0} impact x {1} urgency = {2}")
    @CsvSource({"HIGH,HIGH,P1", "HIGH,MEDIUM,P2", "HIGH,LOW,P3", "MEDIUM,HIGH,P2", "MEDIUM,MEDIUM,P3",
            "MEDIUM,LOW,P4", "LOW,HIGH,P3", "LOW,MEDIUM,P4", "LOW,LOW,P5"})
    void priorityFollowsTheItilMatrix(Impact impact, Urgency urgency, Priority expected) {
        assertEquals(expected, Priority.of(impact, urgency));
    }

    @Test
    void missingImpactIsNamedInTheError() {
        var error = assertThrows(IllegalArgumentException.class, () -> Priority.of(null, Urgency.HIGH));
        assertEquals("impact and urgency are required, got impact=null, urgency=HIGH", error.getMessage());
    }
}
