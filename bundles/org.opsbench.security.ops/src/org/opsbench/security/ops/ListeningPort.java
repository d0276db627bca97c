package org.opsbench.security.ops;

/** A socket listening on a host: {@code tcp} or {@code udp}, the local address and the port. */
public record ListeningPort(String protocol, String address, int port) {

    /** {@code tcp/22}. */
    public String key() {
        return protocol + "/" + port;
    }
}
