package org.opsbench.monitoring.internal.support;

/**
 * A secret named by its vault alias could not be had. The message names the alias and why; never a value.
 */
public final class SecretUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String alias;
    private final String problem;

    /** The secret under {@code alias} {@code problem} (for example "is not in the vault"). */
    public SecretUnavailableException(String alias, String problem, Throwable cause) {
        super("secret '" + alias + "' " + problem, cause);
        this.alias = alias;
        this.problem = problem;
    }

    /** The alias. */
    public String alias() {
        return alias;
    }

    /** What is wrong, reading on from the alias: "is not in the vault", "cannot be read: ...". */
    public String problem() {
        return problem;
    }
}
