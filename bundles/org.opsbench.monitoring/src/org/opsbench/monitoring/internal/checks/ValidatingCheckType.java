package org.opsbench.monitoring.internal.checks;

import java.util.Map;

import org.opsbench.core.spi.CheckType;

/**
 * A check type that says, before a definition is saved, whether its parameters make sense: the monitoring admin service
 * refuses a definition whose parameters this refuses, naming the parameter. The checks that {@code run} makes are the
 * same ones (one parser per type), so a saved definition never fails on a parameter at run time. Checks only what can
 * be known without the target (syntax, ranges, combinations); whether a file or host exists is for the run.
 */
public interface ValidatingCheckType extends CheckType {

    /**
     * Checks {@code parameters} (as stored, without the scheduler's {@code ssh.*} and {@code host.*}).
     *
     * @throws ParameterException
     *             naming the first parameter found wrong
     */
    void validate(Map<String, String> parameters) throws ParameterException;
}
