package org.opsbench.rest.internal.jaxrs;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;

import org.opsbench.rest.ApiProblem;

/**
 * Path and query parameters of the types resources use (numbers, booleans, enums by name in any case, UUID, Instant,
 * LocalDate): a value that does not convert is a 400 problem naming the parameter (Jersey's own converters would answer
 * 404 and not say which).
 */
final class Params implements ParamConverterProvider {

    private static final Set<Class<?>> TYPES = Set.of(int.class, Integer.class, long.class, Long.class, double.class,
            Double.class, boolean.class, Boolean.class, UUID.class, Instant.class, LocalDate.class);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!TYPES.contains(rawType) && !rawType.isEnum()) {
            return null;
        }
        String name = "?";
        String kind = "parameter";
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
                kind = "query parameter";
            } else if (a instanceof PathParam p) {
                name = p.value();
                kind = "path parameter";
            }
        }
        String parameter = name;
        String what = kind;
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                return (T) convert(rawType, value, parameter, what);
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Class<?> type, String value, String name, String kind) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw ApiProblem.badRequest(name, kind + " '" + name + "' is required");
            }
            return null;
        }
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(value.trim());
            }
            if (type == long.class || type == Long.class) {
                return Long.valueOf(value.trim());
            }
            if (type == double.class || type == Double.class) {
                return Double.valueOf(value.trim());
            }
            if (type == boolean.class || type == Boolean.class) {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(value);
                }
                throw ApiProblem.badRequest(name, kind + " '" + name + "' must be true or false, was '" + value
                        + "'");
            }
            if (type.isEnum()) {
                try {
                    return Enum.valueOf((Class) type, value.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    StringBuilder allowed = new StringBuilder();
                    for (Object c : type.getEnumConstants()) {
                        allowed.append(allowed.isEmpty() ? "" : ", ").append(((Enum<?>) c).name());
                    }
                    throw ApiProblem.badRequest(name, kind + " '" + name + "' must be one of " + allowed + ", was '"
                            + value + "'");
                }
            }
            if (type == UUID.class) {
                return UUID.fromString(value.trim());
            }
            if (type == Instant.class) {
                return Instant.parse(value.trim());
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(value.trim());
            }
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, kind + " '" + name + "' must be a number, was '" + value + "'");
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, kind + " '" + name + "' must be ISO-8601, was '" + value + "'");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, kind + " '" + name + "' is malformed: '" + value + "'");
        }
        throw new IllegalStateException("unsupported parameter type " + type.getName() + " of " + name);
    }
}
