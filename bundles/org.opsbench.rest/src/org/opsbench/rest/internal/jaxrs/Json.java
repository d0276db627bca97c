package org.opsbench.rest.internal.jaxrs;

import java.io.IOException;
import java.lang.reflect.Type;

import org.opsbench.rest.ApiProblem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON of the REST API: strict reading (unknown fields, wrong types, trailing tokens and missing primitives are refused
 * with a 400 naming the field and position), {@code java.time} as ISO-8601.
 */
public final class Json {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** The mapper (for writing). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Writes {@code value} as JSON bytes. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads {@code body} as {@code type}.
     *
     * @throws ApiProblem
     *             400 saying what is wrong and where (field path, line and column)
     */
    public Object read(byte[] body, Type type) {
        try {
            return mapper.readValue(body, mapper.constructType(type));
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest(path(e), "unknown field '" + path(e) + "'" + where(e.getLocation()));
        } catch (InvalidFormatException e) {
            throw ApiProblem.badRequest(path(e), "field '" + path(e) + "' must be "
                    + describe(e.getTargetType()) + ", was " + e.getValue() + where(e.getLocation()));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ApiProblem problem) {
                throw problem;
            }
            String field = path(e);
            throw ApiProblem.badRequest(field.isEmpty() ? null : field,
                    cause.getMessage() == null ? "invalid value" : cause.getMessage());
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ApiProblem.badRequest(null, "the body must be " + describe(e.getTargetType())
                        + where(e.getLocation()));
            }
            throw ApiProblem.badRequest(field, "field '" + field + "' must be " + describe(e.getTargetType())
                    + where(e.getLocation()));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ApiProblem.badRequest(field.isEmpty() ? null : field,
                    "invalid JSON value" + (field.isEmpty() ? "" : " for field '" + field + "'")
                            + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (StreamReadException e) {
            throw ApiProblem.badRequest(null, "malformed JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest(null, "unreadable body: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.isEmpty() ? "" : ", ").append(((Enum<?>) constant).name());
            }
            return "one of " + values;
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time such as 2026-01-31T12:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
