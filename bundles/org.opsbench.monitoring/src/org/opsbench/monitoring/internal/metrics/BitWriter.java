package org.opsbench.monitoring.internal.metrics;

import java.util.Arrays;

/** Appends bit fields, most significant bit first, to a growing buffer. */
public final class BitWriter {

    private long[] words;
    private long position;

    public BitWriter(int expectedBits) {
        words = new long[Math.max(1, (expectedBits + 63) >>> 6)];
    }

    /** Writes the low {@code bits} (0 to 64) bits of {@code value}. */
    public void write(long value, int bits) {
        if (bits == 0) {
            return;
        }
        long v = bits == 64 ? value : value & ((1L << bits) - 1);
        int index = (int) (position >>> 6);
        if (index + 1 >= words.length) {
            words = Arrays.copyOf(words, Math.max(words.length * 2, index + 2));
        }
        int free = 64 - (int) (position & 63);
        if (bits <= free) {
            words[index] |= v << (free - bits);
        } else {
            int rest = bits - free;
            words[index] |= v >>> rest;
            words[index + 1] |= v << (64 - rest);
        }
        position += bits;
    }

    /** Writes one bit. */
    public void writeBit(boolean bit) {
        write(bit ? 1 : 0, 1);
    }

    /** Number of bits written. */
    public long bitLength() {
        return position;
    }

    /** The bits written, padded with zeros to whole bytes. */
    public byte[] toByteArray() {
        int length = (int) ((position + 7) >>> 3);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (words[i >>> 3] >>> (56 - ((i & 7) << 3)));
        }
        return bytes;
    }
}
