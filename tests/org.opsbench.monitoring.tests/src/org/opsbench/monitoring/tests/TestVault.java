package org.opsbench.monitoring.tests;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.security.SecretStore;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;

/**
 * The real credential vault of the security bundle, on the test runtime's workspace database (key-file mode, so it is
 * unlocked from the start). Tests store secrets as a trusted system component and count the audited reads.
 */
final class TestVault {

    static final Principal TESTS = Principal.system("monitoring-tests");

    private TestVault() {
    }

    /** Stores {@code value} under a fresh alias with {@code prefix} and returns the alias. */
    static String store(String prefix, SecretStore.Kind kind, String value) throws Exception {
        String alias = prefix + "/" + UUID.randomUUID();
        replace(alias, kind, value);
        return alias;
    }

    /** Stores or replaces the secret under {@code alias} (the vault posts VAULT_CHANGED). */
    static void replace(String alias, SecretStore.Kind kind, String value) throws Exception {
        Osgi.service(SecretStore.class, null).store(TESTS, alias, kind, "monitoring test",
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** How often {@code system:monitoring} read the secret under {@code alias}, by the audit trail. */
    static long readsOf(String alias) throws Exception {
        return Osgi.service(AuditTrail.class, null)
                .search(TESTS, new AuditQuery(null, null, "system:monitoring", "secret", alias, 0)).stream()
                .map(AuditRecord::entry).filter(e -> e.action().equals("security.vault.read")).count();
    }
}
