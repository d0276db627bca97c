package org.opsbench.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.opsbench.rest}: where the REST API listens and how it guards itself. */
@ObjectClassDefinition(pid = RestConfig.PID, name = "Opsbench REST API", description = "HTTP(S) address of the REST API, TLS key store, body size limit, sessions and rate limit")
public @interface RestConfig {

    /** The configuration PID. */
    String PID = "org.opsbench.rest";

    @AttributeDefinition(name = "Address", description = "Interface to listen on; loopback unless the server is "
            + "meant to be reached from other machines (then turn TLS on)")
    String address() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port (HTTP, or HTTPS when a key store is set)")
    int port() default 8080;

    @AttributeDefinition(name = "TLS key store", description = "Path of a PKCS12 or JKS key store with the server's "
            + "key and certificate; when set, only HTTPS is served")
    String tlsKeyStore() default "";

    @AttributeDefinition(name = "TLS key store type", description = "PKCS12 or JKS")
    String tlsKeyStoreType() default "PKCS12";

    @AttributeDefinition(name = "TLS key store password alias", description = "Alias of the key store password in "
            + "the Opsbench secret store (the password itself is never written into configuration)")
    String tlsKeyStorePasswordAlias() default "";

    @AttributeDefinition(name = "TLS key store password reference", description = "Where the key store password "
            + "lives instead of the secret store: env:NAME, property:NAME or file:PATH (first line); at most one of "
            + "alias and reference")
    String tlsKeyStorePasswordReference() default "";

    @AttributeDefinition(name = "Maximum body size", description = "Largest request body in bytes; larger ones get 413")
    long maxBodyBytes() default 1_048_576;

    @AttributeDefinition(name = "Session idle timeout", description = "Minutes after which an unused session ends")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(name = "Failed attempts per address", description = "Failed logins or tokens from one "
            + "remote address within the window before it gets 429")
    int maxFailures() default 10;

    @AttributeDefinition(name = "Failure window", description = "Seconds a failed attempt counts (and the longest "
            + "Retry-After)")
    int failureWindowSeconds() default 60;
}
