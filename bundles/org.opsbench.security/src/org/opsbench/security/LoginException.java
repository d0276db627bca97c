package org.opsbench.security;

/** A refused login; {@link #failure()} says why. The message never holds the password or the login. */
public final class LoginException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient LoginFailure failure;

    /** For {@code failure}. */
    public LoginException(LoginFailure failure) {
        super(switch (failure) {
            case LoginFailure.InvalidCredentials c -> "wrong login or password";
            case LoginFailure.Locked l -> "too many failed logins: locked until " + l.until();
            case LoginFailure.Disabled d -> "the account is disabled";
        });
        this.failure = failure;
    }

    /** Why the login was refused. */
    public LoginFailure failure() {
        return failure;
    }
}
