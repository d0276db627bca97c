package org.opsbench.ssh.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opsbench.core.Principal;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.ssh.HostKey;
import org.opsbench.ssh.RemoteShell;
import org.osgi.service.log.Logger;

/** Which host keys are trusted: the known hosts, the keys waiting for approval, and the changes to both. */
final class HostKeyTrust {

    private final KnownHostsStore store;
    private final Governance governance;
    private final Logger log;
    private final Map<String, HostKey> pending = new ConcurrentHashMap<>();

    HostKeyTrust(KnownHostsStore store, Governance governance, Logger log) {
        this.store = store;
        this.governance = governance;
        this.log = log;
    }

    KnownHostsStore store() {
        return store;
    }

    List<HostKey> known() {
        return store.list();
    }

    Optional<HostKey> pending(String host, int port) {
        return Optional.ofNullable(pending.get(HostKeys.address(host, port)));
    }

    /** A host offered a key that was not trusted: remember it for approval. */
    void offeredUnknown(HostKey offered) {
        pending.put(HostKeys.address(offered.host(), offered.port()), offered);
    }

    /** A host offered a key other than the known one: remember it and raise the alarm. */
    void offeredChanged(HostKey offered, HostKey known) {
        offeredUnknown(offered);
        String summary = "SSH host key of " + HostKeys.address(offered.host(), offered.port()) + " changed from "
                + known.fingerprint() + " to " + offered.fingerprint() + ": connection refused";
        log.error(summary);
        Map<String, Object> event = event(offered.host(), offered.port(), offered.fingerprint(), summary);
        event.put(EventProperties.KNOWN_FINGERPRINT, known.fingerprint());
        event.put(EventProperties.SEVERITY, Severity.CRITICAL.name());
        governance.post(Topics.SECURITY_HOST_KEY_CHANGED, event);
    }

    void approve(Principal who, String host, int port, String fingerprint) {
        governance.check(who, RemoteShell.PERMISSION_HOST_KEYS);
        String address = HostKeys.address(host, port);
        HostKey key;
        synchronized (this) {
            key = pending.get(address);
            if (key == null) {
                throw new IllegalStateException(
                        "no pending host key for " + address + ": connect to it or scan it first (host-scan)");
            }
            String wanted = fingerprint == null ? "" : fingerprint.trim();
            if (!key.fingerprint().equals(wanted)) {
                throw new IllegalArgumentException("fingerprint " + wanted + " does not match the key " + address
                        + " offered: " + key.fingerprint());
            }
            Optional<HostKey> known = store.known(host, port, key.type());
            if (known.isPresent() && !known.get().base64Key().equals(key.base64Key())) {
                throw new IllegalStateException(address + " already has a different known " + key.type() + " key ("
                        + known.get().fingerprint() + "): remove it first (host-remove)");
            }
            if (known.isEmpty()) {
                store.add(key);
            }
            pending.remove(address, key);
        }
        String summary = "approved SSH host key " + key.fingerprint() + " (" + key.type() + ") of " + address;
        log.info(summary + " by " + who.name());
        governance.audit(new AuditEntry(who, "ssh.hostkey.approve", "ssh-host-key", address, summary, null,
                key.type() + " " + key.fingerprint()));
        Map<String, Object> event = event(host, port, key.fingerprint(), summary);
        event.put(EventProperties.PRINCIPAL, who.name());
        event.put(EventProperties.SEVERITY, Severity.INFO.name());
        governance.post(Topics.SECURITY_HOST_KEY_APPROVED, event);
    }

    boolean remove(Principal who, String host, int port) {
        governance.check(who, RemoteShell.PERMISSION_HOST_KEYS);
        String address = HostKeys.address(host, port);
        List<HostKey> before = store.list().stream().filter(k -> k.host().equals(host) && k.port() == port).toList();
        if (!store.remove(host, port)) {
            return false;
        }
        String fingerprints = String.join(", ", before.stream().map(HostKey::fingerprint).toList());
        String summary = "removed SSH host key(s) " + fingerprints + " of " + address;
        log.info(summary + " by " + who.name());
        governance.audit(new AuditEntry(who, "ssh.hostkey.remove", "ssh-host-key", address, summary, fingerprints,
                null));
        Map<String, Object> event = event(host, port, before.isEmpty() ? "" : before.get(0).fingerprint(), summary);
        event.put(EventProperties.PRINCIPAL, who.name());
        event.put(EventProperties.SEVERITY, Severity.WARNING.name());
        governance.post(Topics.SECURITY_HOST_KEY_REMOVED, event);
        return true;
    }

    private static Map<String, Object> event(String host, int port, String fingerprint, String summary) {
        Map<String, Object> event = new HashMap<>();
        event.put(EventProperties.HOST, host);
        event.put(EventProperties.PORT, port);
        event.put(EventProperties.FINGERPRINT, fingerprint);
        event.put(EventProperties.SUMMARY, summary);
        event.put(EventProperties.TIMESTAMP, System.currentTimeMillis());
        return event;
    }
}
