package org.opsbench.ssh.internal;

import java.util.List;

import org.osgi.service.log.Logger;

/**
 * Routes JSch's log lines of one connection to the OSGi log. JSch's INFO is chatty protocol detail, so it goes to
 * DEBUG. Each line is scrubbed of the connection's secrets first: JSch does not log them today, and this keeps it so.
 */
final class JschLog implements com.jcraft.jsch.Logger {

    private static final String MASK = "****";

    private final Logger log;
    private final List<String> secrets;

    /**
     * @param secrets
     *            the strings that must never reach a log line (empty strings are ignored)
     */
    JschLog(Logger log, List<String> secrets) {
        this.log = log;
        this.secrets = secrets.stream().filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public boolean isEnabled(int level) {
        return switch (level) {
            case DEBUG, INFO -> log.isDebugEnabled();
            case WARN -> log.isWarnEnabled();
            default -> log.isErrorEnabled();
        };
    }

    @Override
    public void log(int level, String message) {
        String line = "jsch: " + scrub(message);
        switch (level) {
            case DEBUG, INFO -> log.debug(line);
            case WARN -> log.warn(line);
            default -> log.error(line);
        }
    }

    @Override
    public void log(int level, String message, Throwable cause) {
        // the cause's text could echo input; log its type only
        log(level, message + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
    }

    String scrub(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
