package org.opsbench.monitoring.internal.rules;

import java.util.List;

/** A rule test file that cannot be run: every problem found, each as {@code FILE:LINE: message}. */
public final class RuleFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final List<String> problems;

    RuleFileException(String file, List<String> problems) {
        super(problems.isEmpty()
                ? file
                : problems.get(0) + (problems.size() > 1
                        ? " (and " + (problems.size() - 1) + " more)"
                        : ""));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file's name as given. */
    public String file() {
        return file;
    }

    /** The problems, by line, each {@code FILE:LINE: message}. */
    public List<String> problems() {
        return problems;
    }
}
