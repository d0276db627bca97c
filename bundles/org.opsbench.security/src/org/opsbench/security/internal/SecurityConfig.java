package org.opsbench.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the security area, PID {@value SecurityDatabase#PID}. Keep
 * {@code OSGI-INF/metatype/org.opsbench.security.xml} in step by hand.
 */
@ObjectClassDefinition(id = SecurityDatabase.PID, name = "Opsbench Security", description = "Logins, lock-out and the credential vault")
public @interface SecurityConfig {

    @AttributeDefinition(name = "Single-user workspace", description = "The workbench may skip the login and act as the local administrator")
    boolean singleUser() default false;

    @AttributeDefinition(name = "Failed logins before lock-out", min = "1")
    int maxFailedLogins() default 5;

    @AttributeDefinition(name = "Lock-out delay (s)", min = "1")
    int lockoutSeconds() default 300;

    @AttributeDefinition(name = "PBKDF2 iterations", description = "For new password hashes and vault passphrases", min = "10000")
    int passwordIterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(name = "Minimum password length", min = "8")
    int minPasswordLength() default 12;
}
