package org.opsbench.monitoring.internal.checks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The first {@value #MAX_BYTES} bytes of a response body: a monitored page is read for a pattern, not downloaded whole.
 * Past the limit the rest is not read (the connection is dropped).
 *
 * @param bytes
 *            what was kept
 * @param truncated
 *            whether the body went on beyond the limit
 */
record HttpBody(byte[] bytes, boolean truncated) {

    /** How much of a body is read. */
    static final int MAX_BYTES = 1024 * 1024;

    /** A body handler keeping at most {@link #MAX_BYTES}. */
    static HttpResponse.BodyHandler<HttpBody> handler() {
        return info -> new Subscriber(MAX_BYTES);
    }

    /** The body as text, in the charset of {@code contentType} (UTF-8 when it names none or an unknown one). */
    String text(String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        charset = Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException e) {
                        // an unknown charset: read it as UTF-8
                    }
                }
            }
        }
        return new String(bytes, charset);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<HttpBody> {

        private final CompletableFuture<HttpBody> body = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int max;
        private Flow.Subscription subscription;

        Subscriber(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<HttpBody> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int room = max - buffer.size();
                if (item.remaining() > room) {
                    byte[] part = new byte[room];
                    item.get(part);
                    buffer.writeBytes(part);
                    subscription.cancel();
                    body.complete(new HttpBody(buffer.toByteArray(), true));
                    return;
                }
                byte[] all = new byte[item.remaining()];
                item.get(all);
                buffer.writeBytes(all);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(new HttpBody(buffer.toByteArray(), false));
        }
    }

    /**
     * Text that gives up when {@code deadline} ({@link System#nanoTime()}) has passed: a regular expression that
     * backtracks without end over a large page stops there instead of holding the check past its timeout.
     */
    static final class Bounded implements CharSequence {

        /** Thrown by {@link #charAt} once the deadline has passed. */
        static final class Expired extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Expired() {
                super("the pattern did not finish in time", null, false, false);
            }
        }

        private final CharSequence text;
        private final long deadline;
        private int reads;

        Bounded(CharSequence text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads % 4096 == 0 && System.nanoTime() - deadline > 0) {
                throw new Expired();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
