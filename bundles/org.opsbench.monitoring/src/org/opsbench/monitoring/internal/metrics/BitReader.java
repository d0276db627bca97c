package org.opsbench.monitoring.internal.metrics;

/** Reads the bit fields written by a {@link BitWriter}. */
public final class BitReader {

    private final byte[] bytes;
    private long position;

    public BitReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads {@code bits} (0 to 64) bits as an unsigned value. */
    public long read(int bits) {
        if (position + bits > (long) bytes.length << 3) {
            throw new IllegalArgumentException("read past the end of the chunk");
        }
        long result = 0;
        int remaining = bits;
        while (remaining > 0) {
            int index = (int) (position >>> 3);
            int available = 8 - (int) (position & 7);
            int take = Math.min(available, remaining);
            int b = bytes[index] & 0xFF;
            result = (result << take) | ((b >>> (available - take)) & ((1 << take) - 1));
            remaining -= take;
            position += take;
        }
        return result;
    }

    /** Reads one bit. */
    public boolean readBit() {
        return read(1) != 0;
    }
}
