package org.opsbench.security;

import java.time.Instant;

/** Why a login was refused. Closed: a login dialog switches over these to word its message. */
public sealed interface LoginFailure {

    /** The login or the password is wrong (which one is not said). */
    record InvalidCredentials() implements LoginFailure {
    }

    /** Too many failed attempts: no login is accepted before {@code until}. */
    record Locked(Instant until) implements LoginFailure {
    }

    /** The password was right but the account is disabled. */
    record Disabled() implements LoginFailure {
    }
}
