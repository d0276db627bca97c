package org.opsbench.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditEntry;

/**
 * The hash that chains audit records: SHA-256 over the previous record's hash and every field of this record, each
 * length-prefixed so that no two different records encode alike.
 */
public final class AuditChain {

    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hex hash of record {@code sequence} at {@code timeMillis} following {@code previousHash}. */
    public static String hash(String previousHash, long sequence, long timeMillis, AuditEntry entry) {
        StringBuilder text = new StringBuilder(256);
        field(text, previousHash);
        field(text, Long.toString(sequence));
        field(text, Long.toString(timeMillis));
        Principal p = entry.principal();
        field(text, p.name());
        field(text, p.displayName());
        field(text, p.kind().name());
        field(text, entry.action());
        field(text, entry.objectType());
        field(text, entry.objectId());
        field(text, entry.summary());
        field(text, entry.before());
        field(text, entry.after());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
    }
}
