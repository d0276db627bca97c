package org.opsbench.ssh.internal;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Where JSch's I/O thread writes one output stream of a command: keeps the last {@code limit} bytes and, when a
 * listener is given, hands it the text as it arrives (a UTF-8 character split across packets is held back until whole).
 */
final class OutputCapture extends OutputStream {

    private final int limit;
    private byte[] ring = new byte[256];
    private long total;
    private final Consumer<String> listener;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    OutputCapture(int limit, Consumer<String> listener) {
        this.limit = limit;
        this.listener = listener;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        long needed = Math.min(limit, total + length);
        if (needed > ring.length) {
            // grows like a ByteArrayOutputStream until the limit, then wraps as a ring
            ring = java.util.Arrays.copyOf(ring, (int) Math.min(limit, Math.max(needed, 2L * ring.length)));
        }
        for (int i = 0; i < length; i++) {
            ring[(int) ((total + i) % limit)] = data[offset + i];
        }
        total += length;
        if (listener != null) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
            in.put(pending).put(data, offset, length).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            pending = in.slice();
            if (out.position() > 0) {
                listener.accept(out.flip().toString());
            }
        }
    }

    /** The kept bytes as text; a character cut at the start of the tail is dropped. */
    synchronized String text() {
        int kept = (int) Math.min(total, limit);
        byte[] bytes = new byte[kept];
        int start = (int) ((total - kept) % limit);
        for (int i = 0; i < kept; i++) {
            bytes[i] = ring[(start + i) % limit];
        }
        int skip = 0;
        if (total > limit) {
            while (skip < bytes.length && (bytes[skip] & 0xC0) == 0x80) {
                skip++;
            }
        }
        return new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
    }
}
