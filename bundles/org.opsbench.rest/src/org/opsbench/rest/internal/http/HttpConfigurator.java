package org.opsbench.rest.internal.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Objects;

import org.opsbench.core.Principal;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.persistence.PasswordReference;
import org.opsbench.rest.internal.RestConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Applies {@code org.opsbench.rest} to the Felix HTTP service (Jetty 12): address, port, and TLS. With a key store
 * configured only HTTPS is served. The key store password is taken from the secret store by alias; it is handed to
 * Felix through ConfigAdmin, never written into the operator's configuration file.
 */
@Component(configurationPid = RestConfig.PID, immediate = true)
@Designate(ocd = RestConfig.class)
public final class HttpConfigurator {

    /** The Felix HTTP configuration PID. */
    static final String FELIX_PID = "org.apache.felix.http";
    /**
     * The PID of the Jakarta REST whiteboard on the servlet whiteboard (Eclipse OSGi Technology): it starts only with a
     * configuration, so this one gives it one (the defaults: every HTTP runtime, base path {@code /}).
     */
    static final String JAKARTARS_PID = "JakartarsServletWhiteboardRuntimeComponent";
    private static final Principal SYSTEM = Principal.system("rest");

    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final SecretStore secrets;
    private final Logger log;

    /** With the services it needs; {@code secrets} only matters with TLS. */
    @Activate
    public HttpConfigurator(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) SecretStore secrets,
            @Reference(service = LoggerFactory.class) LoggerFactory loggers, RestConfig config) {
        this.context = context;
        this.configurationAdmin = configurationAdmin;
        this.secrets = secrets;
        this.log = loggers.getLogger(HttpConfigurator.class);
        apply(config);
    }

    /** Re-applies a changed configuration (Felix restarts Jetty only when something changed). */
    @Modified
    void modified(RestConfig config) {
        apply(config);
    }

    private void apply(RestConfig config) {
        try {
            Hashtable<String, Object> felix = felixProperties(config);
            Configuration target = configurationAdmin.getConfiguration(FELIX_PID, null);
            if (!same(target.getProperties(), felix)) {
                target.update(felix);
            }
        } catch (IOException | RuntimeException e) {
            // fail closed: a TLS setting that cannot be applied must not leave plain HTTP (or an old set-up) serving
            log.error("REST API not started: {}", e.getMessage());
            try {
                Hashtable<String, Object> off = new Hashtable<>();
                off.put("org.apache.felix.http.enable", false);
                off.put("org.apache.felix.https.enable", false);
                configurationAdmin.getConfiguration(FELIX_PID, null).update(off);
            } catch (IOException | RuntimeException again) {
                log.error("REST API: cannot switch the HTTP service off: {}", again.getMessage());
            }
        }
    }

    private Hashtable<String, Object> felixProperties(RestConfig config) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("org.apache.felix.http.host", config.address());
        p.put("org.apache.felix.http.jetty.sendServerHeader", false);
        boolean tls = !config.tlsKeyStore().isBlank();
        p.put("org.apache.felix.http.enable", !tls);
        p.put("org.apache.felix.https.enable", tls);
        if (tls) {
            Path store = Path.of(config.tlsKeyStore());
            if (!Files.isReadable(store)) {
                throw new IllegalArgumentException("tlsKeyStore: cannot read " + store);
            }
            String password = password(config);
            p.put("org.osgi.service.http.port.secure", config.port());
            p.put("org.apache.felix.https.keystore", store.toAbsolutePath().toString());
            p.put("org.apache.felix.https.keystore.type", config.tlsKeyStoreType());
            p.put("org.apache.felix.https.keystore.password", password);
            p.put("org.apache.felix.https.keystore.key.password", password);
        } else {
            p.put("org.osgi.service.http.port", config.port());
        }
        return p;
    }

    /** The key store password: from the secret store by alias, or where the reference points; never configured. */
    private String password(RestConfig config) {
        String alias = config.tlsKeyStorePasswordAlias().strip();
        String reference = config.tlsKeyStorePasswordReference().strip();
        if (!alias.isEmpty() && !reference.isEmpty()) {
            throw new IllegalArgumentException("tlsKeyStorePasswordAlias, tlsKeyStorePasswordReference: set one, not"
                    + " both");
        }
        if (!reference.isEmpty()) {
            return PasswordReference.resolve("tlsKeyStorePasswordReference in " + RestConfig.PID, reference, context);
        }
        if (alias.isEmpty()) {
            throw new IllegalArgumentException("tlsKeyStorePasswordAlias or tlsKeyStorePasswordReference: required"
                    + " with a key store");
        }
        if (secrets == null) {
            throw new IllegalStateException("tlsKeyStorePasswordAlias: no secret store is running");
        }
        try (Secret secret = secrets.lookup(SYSTEM, alias)
                .orElseThrow(() -> new IllegalArgumentException("tlsKeyStorePasswordAlias: no secret " + alias))) {
            return new String(secret.chars());
        }
    }

    private static boolean same(Dictionary<String, Object> current, Hashtable<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        int count = 0;
        for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (key.startsWith("service.") || key.startsWith("felix.")) {
                continue;
            }
            count++;
            if (!Objects.equals(String.valueOf(current.get(key)), String.valueOf(wanted.get(key)))) {
                return false;
            }
        }
        return count == wanted.size();
    }
}
