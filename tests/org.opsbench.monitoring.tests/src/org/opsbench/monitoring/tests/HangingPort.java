package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 that never answers a connect: a listener that never accepts, with its backlog full, so the kernel
 * drops further SYNs (as a firewall that drops would).
 */
final class HangingPort implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    HangingPort() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        boolean hanging = false;
        for (int i = 0; i < 64 && !hanging; i++) {
            Socket socket = new Socket();
            fillers.add(socket);
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
            } catch (SocketTimeoutException e) {
                hanging = true;
            }
        }
        assertTrue(hanging, "the backlog of the listener never filled up");
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : fillers) {
            socket.close();
        }
        server.close();
    }
}
