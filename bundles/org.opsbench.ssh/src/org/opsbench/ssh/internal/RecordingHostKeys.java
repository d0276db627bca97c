package org.opsbench.ssh.internal;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

/**
 * The host-key repository of one connection attempt: checks against the known hosts and remembers what the host offered
 * and what the check said, so a refusal can be reported with the offered key rather than parsed from JSch's message.
 * Never adds keys: with {@code StrictHostKeyChecking=yes} JSch does not ask it to.
 */
final class RecordingHostKeys implements HostKeyRepository {

    private final KnownHostsStore store;
    private final boolean refuseAll;
    private volatile byte[] offered;
    private volatile int result = -1;

    /**
     * @param refuseAll
     *            answer {@code NOT_INCLUDED} whatever the known hosts say: a scan reads the key and stops there, before
     *            any authentication
     */
    RecordingHostKeys(KnownHostsStore store, boolean refuseAll) {
        this.store = store;
        this.refuseAll = refuseAll;
    }

    /** The key blob the host offered, or {@code null} when the handshake did not get that far. */
    byte[] offered() {
        return offered;
    }

    /** {@link #OK}, {@link #NOT_INCLUDED}, {@link #CHANGED}, or -1 when no key was checked. */
    int result() {
        return result;
    }

    @Override
    public int check(String host, byte[] key) {
        offered = key.clone();
        result = refuseAll ? NOT_INCLUDED : store.check(host, key);
        return result;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        throw new UnsupportedOperationException("host keys are added only through RemoteShell.approveHostKey");
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("host keys are removed only through RemoteShell.removeHostKey");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        remove(host, type);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return store.file().toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return store.entries(null, null);
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return refuseAll ? new HostKey[0] : store.entries(host, type);
    }
}
