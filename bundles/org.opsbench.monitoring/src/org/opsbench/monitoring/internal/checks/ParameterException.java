package org.opsbench.monitoring.internal.checks;

import java.util.Map;

import org.opsbench.monitoring.internal.support.Values;

/** A check parameter has a bad value, or a required one is missing; the message names it. */
public final class ParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    /** {@code parameter} {@code problem} (for example "is required"). */
    public ParameterException(String parameter, String problem) {
        super("parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** The parameter's name. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong, reading on from the name. */
    public String problem() {
        return problem;
    }

    /** A reader of check parameters whose refusals are this exception. */
    public static Values<ParameterException> reader(Map<String, String> parameters) {
        return new Values<>(parameters, ParameterException::new);
    }
}
