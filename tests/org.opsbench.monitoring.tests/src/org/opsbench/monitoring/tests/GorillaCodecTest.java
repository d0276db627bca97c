package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.opsbench.monitoring.internal.metrics.BitReader;
import org.opsbench.monitoring.internal.metrics.BitWriter;
import org.opsbench.monitoring.internal.metrics.GorillaCodec;

class GorillaCodecTest {

    private static final long T0 = 1_767_225_600_000L;

    private static void assertRoundTrip(long[] times, double[] values) {
        byte[] encoded = GorillaCodec.encode(times, values, times.length);
        GorillaCodec.Chunk chunk = GorillaCodec.decode(encoded);
        assertEquals(times.length, GorillaCodec.count(encoded));
        assertArrayEquals(times, chunk.times());
        assertEquals(values.length, chunk.size());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(chunk.values()[i]),
                    "value " + i + ": " + values[i] + " became " + chunk.values()[i]);
        }
    }

    private static long[] regular(int n, long step) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * step;
        }
        return t;
    }

    @Test
    void bitsRoundTripAtEveryWidthAndOffset() {
        Random random = new Random(1);
        BitWriter out = new BitWriter(8);
        long[] values = new long[2000];
        int[] widths = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            widths[i] = i % 65;
            values[i] = widths[i] == 64 ? random.nextLong() : random.nextLong() & ((1L << widths[i]) - 1);
            out.write(values[i], widths[i]);
        }
        BitReader in = new BitReader(out.toByteArray());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], in.read(widths[i]), "field " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> in.read(64));
    }

    @Test
    void emptyChunk() {
        assertRoundTrip(new long[0], new double[0]);
        assertEquals(4, GorillaCodec.encode(new long[0], new double[0], 0).length);
    }

    @Test
    void singleSample() {
        assertRoundTrip(new long[]{T0}, new double[]{42.5});
    }

    @Test
    void constantSeriesAtRegularIntervalsTakesAboutTwoBitsPerSample() {
        long[] t = regular(720, 10_000);
        double[] v = new double[720];
        java.util.Arrays.fill(v, 3.25);
        assertRoundTrip(t, v);
        int bytes = GorillaCodec.encode(t, v, t.length).length;
        // header 20 bytes, the first delta in the 32-bit bucket, then 2 bits per sample
        assertTrue(bytes <= 20 + 5 + 719 * 2 / 8 + 1, "constant series took " + bytes + " bytes");
    }

    @Test
    void irregularTimestampsOfEveryBucket() {
        long[] deltas = {10_000, 10_001, 9_990, 10_060, 9_700, 12_000, 5_000, 3_000_000, 1, 1, 86_400_000L * 365 * 50,
                1, 0, 0, 7, 10_000};
        long[] t = new long[deltas.length + 1];
        t[0] = -5;
        for (int i = 0; i < deltas.length; i++) {
            t[i + 1] = t[i] + deltas[i];
        }
        double[] v = new double[t.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 1.5;
        }
        assertRoundTrip(t, v);
    }

    @Test
    void extremeTimestamps() {
        assertRoundTrip(new long[]{Long.MIN_VALUE, 0, Long.MAX_VALUE}, new double[]{1, 2, 3});
    }

    @Test
    void specialDoubles() {
        double[] v = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
                Double.longBitsToDouble(0x7ff8_0000_0000_0001L), Double.longBitsToDouble(0xfff0_0000_0000_0001L),
                Double.NaN, 1.0, -0.0, -0.0, 0.0};
        assertRoundTrip(regular(v.length, 10_000), v);
    }

    @Test
    void randomDoublesAndJitteredTimestamps() {
        Random random = new Random(99);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(720);
            long[] t = new long[n];
            double[] v = new double[n];
            long time = random.nextLong() >> 4;
            for (int i = 0; i < n; i++) {
                time += random.nextInt(3) == 0 ? random.nextInt(100_000) : 10_000 + random.nextInt(21) - 10;
                t[i] = time;
                v[i] = switch (round % 4) {
                    case 0 -> Double.longBitsToDouble(random.nextLong());
                    case 1 -> random.nextDouble();
                    case 2 -> Math.round(random.nextGaussian() * 100) / 10.0;
                    default -> random.nextInt(5);
                };
            }
            assertRoundTrip(t, v);
        }
    }

    @Test
    void leadingZeroWindowsWiderThanFiveBits() {
        // XORs with more than 31 leading zeros and 64 meaningful bits
        double[] v = {Double.longBitsToDouble(1), Double.longBitsToDouble(3), Double.longBitsToDouble(-1L),
                Double.longBitsToDouble(0), Double.longBitsToDouble(1L << 40), Double.longBitsToDouble(1L << 40 | 1)};
        assertRoundTrip(regular(v.length, 1), v);
    }
}
