package org.opsbench.core.cmdb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An attribute of a {@link CiType}: name, value kind, whether it is required and, for a choice, the allowed values.
 * Values are stored as text; {@link #problem(String)} says what is wrong with one.
 *
 * @param name
 *            the attribute's key, for example {@code warranty.end}
 * @param label
 *            a label for humans
 * @param kind
 *            the value kind
 * @param required
 *            whether every item of the type must have a value
 * @param choices
 *            the allowed values of a {@link Kind#CHOICE}; empty otherwise
 */
public record CiAttribute(String name, String label, Kind kind, boolean required, List<String> choices) {

    /** Value kinds. */
    public enum Kind {
        /** Free text. */
        TEXT,
        /** A whole number. */
        INTEGER,
        /** A decimal number. */
        NUMBER,
        /** An ISO date, {@code 2027-03-31}. */
        DATE,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One of {@link CiAttribute#choices()}. */
        CHOICE
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,79}");

    /** Validates the name and copies the choices. */
    public CiAttribute {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("CiAttribute.name: lower-case letters, digits, '.', '_', '-', was: "
                    + name);
        }
        label = label == null || label.isBlank() ? name : label;
        if (kind == null) {
            throw new IllegalArgumentException("CiAttribute.kind is required");
        }
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("CiAttribute " + name + ": a choice needs choices");
        }
    }

    /** An optional attribute. */
    public static CiAttribute optional(String name, String label, Kind kind) {
        return new CiAttribute(name, label, kind, false, List.of());
    }

    /** A required attribute. */
    public static CiAttribute required(String name, String label, Kind kind) {
        return new CiAttribute(name, label, kind, true, List.of());
    }

    /** An optional choice among {@code choices}. */
    public static CiAttribute choice(String name, String label, String... choices) {
        return new CiAttribute(name, label, Kind.CHOICE, false, List.of(choices));
    }

    /** What is wrong with {@code value} for this attribute, or {@code null} when it is fine. */
    public String problem(String value) {
        if (value == null || value.isBlank()) {
            return required ? "is required" : null;
        }
        String v = value.strip();
        return switch (kind) {
            case TEXT -> v.length() > 4000 ? "is longer than 4000 characters" : null;
            case INTEGER -> v.matches("-?\\d{1,18}") ? null : "must be a whole number, was '" + v + "'";
            case NUMBER -> v.matches("-?\\d{1,18}(\\.\\d{1,9})?") ? null : "must be a number, was '" + v + "'";
            case BOOLEAN -> v.equals("true") || v.equals("false") ? null : "must be true or false, was '" + v + "'";
            case CHOICE -> choices.contains(v) ? null : "must be one of " + choices + ", was '" + v + "'";
            case DATE -> {
                try {
                    LocalDate.parse(v);
                    yield null;
                } catch (DateTimeParseException e) {
                    yield "must be a date like 2027-03-31, was '" + v + "'";
                }
            }
        };
    }
}
