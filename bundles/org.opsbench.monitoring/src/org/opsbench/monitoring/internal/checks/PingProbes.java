package org.opsbench.monitoring.internal.checks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One probe of a host, sent and answered or lost. Each returns the round trip in milliseconds, or {@link #LOST}.
 */
final class PingProbes {

    /** What a probe returns when no answer came in time. */
    static final double LOST = -1;

    /** The bit of {@code CAP_NET_RAW} in the capability sets of {@code /proc/<pid>/status}. */
    private static final int CAP_NET_RAW = 13;

    private PingProbes() {
    }

    /**
     * Whether this process may open raw sockets, which is when {@link InetAddress#isReachable(int)} sends an ICMP echo
     * request (root, or {@code CAP_NET_RAW} in the effective set). Without it the JDK silently connects to TCP port 7
     * instead, which is why the check never relies on {@code isReachable} then. False where there is no
     * {@code /proc/self/status} (not Linux).
     */
    static boolean icmpAllowed() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                    return (effective & (1L << CAP_NET_RAW)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or a format we do not know: do not count on ICMP
        }
        return false;
    }

    /**
     * Sends one ICMP echo request through {@link InetAddress#isReachable(int)} and waits up to {@code waitMillis} (at
     * most 1000, so that the JDK sends exactly one request) for the reply. The round trip is measured around the call.
     */
    static double icmp(InetAddress address, int waitMillis) {
        long start = System.nanoTime();
        try {
            return address.isReachable(waitMillis) ? elapsed(start) : LOST;
        } catch (IOException e) {
            // "network unreachable" and the like: no answer
            return LOST;
        }
    }

    /**
     * Connects to all {@code ports} at once without blocking and takes the first answer: an accepted connection or a
     * refusal (a TCP reset proves the host is up as well as an accept does). No answer within {@code waitMillis}, or
     * only errors such as "no route to host", is a lost probe. Connections are closed at once.
     *
     * @throws InterruptedException
     *             when the thread was interrupted while waiting
     */
    static double tcp(InetAddress address, List<Integer> ports, int waitMillis) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + waitMillis * 1_000_000L;
        List<SocketChannel> channels = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            int pending = 0;
            for (int port : ports) {
                SocketChannel channel = SocketChannel.open();
                channels.add(channel);
                channel.configureBlocking(false);
                try {
                    if (channel.connect(new InetSocketAddress(address, port))) {
                        return elapsed(start);
                    }
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    pending++;
                } catch (IOException e) {
                    if (refused(e)) {
                        return elapsed(start);
                    }
                }
            }
            while (pending > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return LOST;
                }
                selector.select(left);
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("ping cancelled");
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext();) {
                    SelectionKey key = it.next();
                    it.remove();
                    try {
                        if (((SocketChannel) key.channel()).finishConnect()) {
                            return elapsed(start);
                        }
                    } catch (IOException e) {
                        if (refused(e)) {
                            return elapsed(start);
                        }
                        // no route, unreachable: this port tells nothing more
                        key.cancel();
                        pending--;
                    }
                }
            }
            return LOST;
        } catch (IOException e) {
            return LOST;
        } finally {
            for (SocketChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing a probe socket: nothing to do about it
                }
            }
        }
    }

    /** A TCP reset: {@code ECONNREFUSED} (a timeout or "no route" is a {@link ConnectException} as well). */
    private static boolean refused(IOException e) {
        return e instanceof ConnectException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("refused");
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }
}
