package org.opsbench.security.rest.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.opsbench.rest.ApiProblem;

/** Query parameters as typed values; a bad one is a 400 naming it. */
final class Params {

    private Params() {
    }

    /** An ISO-8601 instant, or {@code null} when absent. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, name + " must be an ISO-8601 instant such as 2026-12-01T10:00:00Z, was "
                    + value);
        }
    }

    /** One constant of {@code type} (any case), or {@code null} when absent. */
    static <E extends Enum<E>> E one(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, name + " must be one of " + EnumSet.allOf(type) + ", was " + value);
        }
    }

    /** A comma-separated set of constants of {@code type}; empty when absent. */
    static <E extends Enum<E>> Set<E> set(String name, String value, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(one(name, part, type));
                }
            }
        }
        return result;
    }

    /** Whether {@code text} contains {@code needle} ignoring case; every text matches a blank needle. */
    static boolean contains(String text, String needle) {
        return needle == null || needle.isBlank()
                || text != null && text.toLowerCase(Locale.ROOT).contains(needle.strip().toLowerCase(Locale.ROOT));
    }
}
