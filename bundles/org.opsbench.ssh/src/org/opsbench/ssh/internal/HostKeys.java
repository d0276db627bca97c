package org.opsbench.ssh.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.opsbench.ssh.HostKey;

import com.jcraft.jsch.JSchException;

/** Host names as {@code known_hosts} writes them, and fingerprints as {@code ssh-keygen -lf} prints them. */
final class HostKeys {

    private HostKeys() {
    }

    /** {@code host} on port 22, else {@code [host]:port}, as OpenSSH and JSch write it. */
    static String pattern(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** {@code host:port}, for messages. */
    static String address(String host, int port) {
        return host + ":" + port;
    }

    /** {@code SHA256:<base64 without padding>} of the key blob. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Our record for a key offered by {@code host:port}. */
    static HostKey offered(String host, int port, byte[] blob) {
        String type;
        try {
            type = new com.jcraft.jsch.HostKey(pattern(host, port), blob).getType();
        } catch (JSchException e) {
            type = "unknown";
        }
        return new HostKey(host, port, type, fingerprint(blob), Base64.getEncoder().encodeToString(blob));
    }

    /**
     * Our records for one {@code known_hosts} entry: one per host name of the entry ({@code a,[b]:2222} gives two).
     */
    static HostKey[] known(com.jcraft.jsch.HostKey entry) {
        String base64 = entry.getKey();
        String fingerprint = fingerprint(Base64.getDecoder().decode(base64));
        String[] names = entry.getHost().split(",");
        HostKey[] keys = new HostKey[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            int port = 22;
            if (name.startsWith("[") && name.contains("]:")) {
                int close = name.indexOf("]:");
                port = Integer.parseInt(name.substring(close + 2));
                name = name.substring(1, close);
            }
            keys[i] = new HostKey(name, port, entry.getType(), fingerprint, base64);
        }
        return keys;
    }
}
