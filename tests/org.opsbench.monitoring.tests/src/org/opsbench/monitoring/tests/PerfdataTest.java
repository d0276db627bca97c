package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.PerfValue;
import org.opsbench.monitoring.Perfdata;
import org.opsbench.monitoring.PerfdataException;
import org.opsbench.monitoring.Range;

/** The perfdata parser against the Nagios plugin API, table-driven. */
class PerfdataTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("time=0.001s", value("time", 0.001, "s", null, null, null, null)),
                Arguments.of("rta=12.5ms;100;500;0", value("rta", 12.5, "ms", r(0, 100), r(0, 500), 0.0, null)),
                Arguments.of("delay=250us", value("delay", 250, "us", null, null, null, null)),
                Arguments.of("pl=0%;20;60;0;100", value("pl", 0, "%", r(0, 20), r(0, 60), 0.0, 100.0)),
                Arguments.of("size=1024B", value("size", 1024, "B", null, null, null, null)),
                Arguments.of("mem=12KB", value("mem", 12, "KB", null, null, null, null)),
                Arguments.of("/=2643MB;8000;9000;0;10000",
                        value("/", 2643, "MB", r(0, 8000), r(0, 9000), 0.0, 10000.0)),
                Arguments.of("disk=3GB", value("disk", 3, "GB", null, null, null, null)),
                Arguments.of("pool=1.5TB", value("pool", 1.5, "TB", null, null, null, null)),
                Arguments.of("packets=123456c", value("packets", 123456, "c", null, null, null, null)),
                Arguments.of("load1=0.150;5.000;10.000;0;", value("load1", 0.15, "", r(0, 5), r(0, 10), 0.0, null)),
                Arguments.of("users=3;;;0", value("users", 3, "", null, null, 0.0, null)),
                Arguments.of("temp=-5.5;10:20;@30:40",
                        value("temp", -5.5, "", r(10, 20), new Range(30, 40, true), null, null)),
                Arguments.of("x=1;~:5;10:", value("x", 1, "", r(Double.NEGATIVE_INFINITY, 5), r(10, INF), null, null)),
                Arguments.of("'free space'=42%", value("free space", 42, "%", null, null, null, null)),
                Arguments.of("'a=b'=7", value("a=b", 7, "", null, null, null, null)),
                Arguments.of("'it''s'=1", value("it's", 1, "", null, null, null, null)),
                Arguments.of("big=1e3", value("big", 1000, "", null, null, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validItemIsRead(String text, PerfValue expected) {
        assertEquals(List.of(expected), Perfdata.parse(text));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("load1=0,15;5;10", "load1=0,15;5;10", "decimal comma"),
                Arguments.of("a=1 rta=1,5ms", "rta=1,5ms", "decimal comma"),
                Arguments.of("time", "time", "missing '='"),
                Arguments.of("'open=1", "'open=1", "unclosed quote"),
                Arguments.of("x=abc", "x=abc", "no value"),
                Arguments.of("x=5parsecs", "x=5parsecs", "unknown unit"),
                Arguments.of("x=1;2;3;4;5;6", "x=1;2;3;4;5;6", "more than 5 fields"),
                Arguments.of("x=1;20:10", "x=1;20:10", "after its end"),
                Arguments.of("=1", "=1", "empty label"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidTokenIsNamedInTheError(String text, String token, String reason) {
        PerfdataException e = assertThrows(PerfdataException.class, () -> Perfdata.parse(text));
        assertEquals(token, e.token());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("'" + token + "'"), e.getMessage());
    }

    @Test
    void unknownValueIsKeptButGivesNoMetric() {
        PerfValue u = Perfdata.parse("rta=U;100;500").get(0);
        assertFalse(u.known());
        assertEquals(Optional.empty(), u.toMetric());
        assertEquals(Optional.of(r(0, 100)), u.warn());
    }

    @Test
    void severalItemsWithExtraSpaces() {
        List<PerfValue> values = Perfdata.parse("  load1=0.1;1;2;0   load5=0.2;1;2;0 \n load15=0.3;1;2;0 ");
        assertEquals(List.of("load1", "load5", "load15"), values.stream().map(PerfValue::label).toList());
        assertEquals(Optional.of(new Metric("load5", 0.2, "")), values.get(1).toMetric());
    }

    @Test
    void emptyPerfdataGivesNothing() {
        assertEquals(List.of(), Perfdata.parse(""));
        assertEquals(List.of(), Perfdata.parse("   "));
    }

    @Test
    void rangesAlertLikeNagios() {
        assertTrue(Range.parse("10").alerts(11));
        assertTrue(Range.parse("10").alerts(-1));
        assertFalse(Range.parse("10").alerts(10));
        assertFalse(Range.parse("10:").alerts(1e9));
        assertTrue(Range.parse("10:").alerts(9));
        assertFalse(Range.parse("~:10").alerts(-1e9));
        assertTrue(Range.parse("10:20").alerts(21));
        assertFalse(Range.parse("10:20").alerts(15));
        assertTrue(Range.parse("@10:20").alerts(15));
        assertFalse(Range.parse("@10:20").alerts(21));
    }

    private static Range r(double start, double end) {
        return new Range(start, end, false);
    }

    private static PerfValue value(String label, double value, String unit, Range warn, Range crit, Double min,
            Double max) {
        return new PerfValue(label, value, unit, Optional.ofNullable(warn), Optional.ofNullable(crit),
                min == null ? OptionalDouble.empty() : OptionalDouble.of(min),
                max == null ? OptionalDouble.empty() : OptionalDouble.of(max));
    }
}
