package org.opsbench.monitoring.internal.metrics;

/**
 * The chunk format of the metric store, after Facebook's Gorilla paper (Pelkonen et al., VLDB 2015): a header with the
 * sample count (32 bits), the first timestamp and the first value (64 bits each), then per sample the timestamp as a
 * delta-of-delta in variable-length buckets and the value as the XOR with the previous value, written as a control bit
 * and, when not zero, either inside the previous leading/trailing zero window or with a new window (5 bits leading
 * zeros, 6 bits length minus one, then the meaningful bits).
 * <p>
 * Timestamp buckets (zigzag-encoded delta-of-delta, milliseconds): {@code 0}: 0; {@code 10}: 7 bits; {@code 110}: 9
 * bits; {@code 1110}: 12 bits; {@code 11110}: 32 bits; {@code 11111}: 64 bits. Doubles round-trip bit for bit (NaN
 * payloads, -0.0 and infinities included).
 */
public final class GorillaCodec {

    private GorillaCodec() {
    }

    /** Encodes the first {@code count} samples of {@code times} and {@code values}. */
    public static byte[] encode(long[] times, double[] values, int count) {
        BitWriter out = new BitWriter(160 + count * 16);
        out.write(count, 32);
        if (count == 0) {
            return out.toByteArray();
        }
        out.write(times[0], 64);
        long previousBits = Double.doubleToRawLongBits(values[0]);
        out.write(previousBits, 64);
        long previousTime = times[0];
        long previousDelta = 0;
        int leading = -1;
        int trailing = 0;
        for (int i = 1; i < count; i++) {
            long delta = times[i] - previousTime;
            writeDeltaOfDelta(out, delta - previousDelta);
            previousDelta = delta;
            previousTime = times[i];
            long bits = Double.doubleToRawLongBits(values[i]);
            long xor = bits ^ previousBits;
            previousBits = bits;
            if (xor == 0) {
                out.write(0, 1);
                continue;
            }
            int lz = Math.min(31, Long.numberOfLeadingZeros(xor));
            int tz = Long.numberOfTrailingZeros(xor);
            if (leading >= 0 && lz >= leading && tz >= trailing) {
                out.write(0b10, 2);
                out.write(xor >>> trailing, 64 - leading - trailing);
            } else {
                int length = 64 - lz - tz;
                out.write(0b11, 2);
                out.write(lz, 5);
                out.write(length - 1, 6);
                out.write(xor >>> tz, length);
                leading = lz;
                trailing = tz;
            }
        }
        return out.toByteArray();
    }

    private static void writeDeltaOfDelta(BitWriter out, long dod) {
        long zigzag = (dod << 1) ^ (dod >> 63);
        if (zigzag == 0) {
            out.write(0, 1);
        } else if (zigzag >>> 7 == 0) {
            out.write(0b10, 2);
            out.write(zigzag, 7);
        } else if (zigzag >>> 9 == 0) {
            out.write(0b110, 3);
            out.write(zigzag, 9);
        } else if (zigzag >>> 12 == 0) {
            out.write(0b1110, 4);
            out.write(zigzag, 12);
        } else if (zigzag >>> 32 == 0) {
            out.write(0b11110, 5);
            out.write(zigzag, 32);
        } else {
            out.write(0b11111, 5);
            out.write(zigzag, 64);
        }
    }

    /** The number of samples in {@code chunk}, read from its header. */
    public static int count(byte[] chunk) {
        return (int) new BitReader(chunk).read(32);
    }

    /** Decodes a chunk written by {@link #encode}. */
    public static Chunk decode(byte[] chunk) {
        BitReader in = new BitReader(chunk);
        int count = (int) in.read(32);
        long[] times = new long[count];
        double[] values = new double[count];
        if (count == 0) {
            return new Chunk(times, values);
        }
        long time = in.read(64);
        long bits = in.read(64);
        times[0] = time;
        values[0] = Double.longBitsToDouble(bits);
        long delta = 0;
        int leading = 0;
        int trailing = 0;
        for (int i = 1; i < count; i++) {
            delta += readDeltaOfDelta(in);
            time += delta;
            times[i] = time;
            if (in.readBit()) {
                if (in.readBit()) {
                    leading = (int) in.read(5);
                    int length = (int) in.read(6) + 1;
                    trailing = 64 - leading - length;
                }
                bits ^= in.read(64 - leading - trailing) << trailing;
            }
            values[i] = Double.longBitsToDouble(bits);
        }
        return new Chunk(times, values);
    }

    private static long readDeltaOfDelta(BitReader in) {
        int ones = 0;
        while (ones < 5 && in.readBit()) {
            ones++;
        }
        int bits = switch (ones) {
            case 0 -> 0;
            case 1 -> 7;
            case 2 -> 9;
            case 3 -> 12;
            case 4 -> 32;
            default -> 64;
        };
        long zigzag = in.read(bits);
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    /** Decoded samples of one chunk, in time order. */
    public record Chunk(long[] times, double[] values) {

        public int size() {
            return times.length;
        }
    }
}
