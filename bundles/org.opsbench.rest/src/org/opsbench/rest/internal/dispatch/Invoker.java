package org.opsbench.rest.internal.dispatch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.opsbench.rest.ApiProblem;

/** Calls a resource method: binds path, query, context and body parameters, and unwraps what it throws. */
public final class Invoker {

    private final Json json;

    /** Reading bodies with {@code json}. */
    public Invoker(Json json) {
        this.json = json;
    }

    /** What a request supplies. */
    public interface Request {
        /** The first value of query parameter {@code name}, or {@code null}. */
        String query(String name);

        /** The body bytes, read once (empty when there is none). */
        byte[] body();

        /** Whether the request declares a JSON content type. */
        boolean jsonContent();

        /** The security context of the authenticated caller. */
        SecurityContext security();
    }

    /** The index of the body parameter of {@code method}, or -1. */
    public static int bodyIndex(Method method) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAnnotationPresent(PathParam.class)
                    && !parameters[i].isAnnotationPresent(QueryParam.class)
                    && !parameters[i].isAnnotationPresent(Context.class)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Calls {@code route} and returns what it returned.
     *
     * @throws Throwable
     *             what the method threw (unwrapped), or {@link ApiProblem} 400/415 for bad parameters or body
     */
    public Object invoke(Route route, Map<String, String> pathParameters, Request request) throws Throwable {
        Method method = route.method();
        Parameter[] parameters = method.getParameters();
        Type[] types = method.getGenericParameterTypes();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            if (p.isAnnotationPresent(Context.class)) {
                if (p.getType() != SecurityContext.class) {
                    throw new IllegalStateException("only @Context SecurityContext is supported, not " + p.getType());
                }
                args[i] = request.security();
            } else if (p.isAnnotationPresent(PathParam.class)) {
                String name = p.getAnnotation(PathParam.class).value();
                args[i] = convert(p.getType(), pathParameters.get(name), name, "path parameter");
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                String name = p.getAnnotation(QueryParam.class).value();
                String value = request.query(name);
                if (value == null && p.isAnnotationPresent(DefaultValue.class)) {
                    value = p.getAnnotation(DefaultValue.class).value();
                }
                args[i] = convert(p.getType(), value, name, "query parameter");
            } else {
                byte[] body = request.body();
                if (body.length == 0) {
                    throw ApiProblem.badRequest(null, "a JSON request body is required");
                }
                if (!request.jsonContent()) {
                    throw new ApiProblem(415, "Unsupported Media Type",
                            "the request body must be sent as Content-Type: application/json", null);
                }
                args[i] = json.read(body, types[i]);
                if (args[i] == null) {
                    throw ApiProblem.badRequest(null, "the request body must be a JSON object, not null");
                }
            }
        }
        try {
            return method.invoke(route.resource(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
            if (type == String.class) {
                return value;
            }
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
                throw ApiProblem.badRequest(name, kind + " '" + name + "' must be true or false, was '"
                        + value + "'");
            }
            if (type.isEnum()) {
                try {
                    return Enum.valueOf((Class) type, value.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    StringBuilder allowed = new StringBuilder();
                    for (Object c : type.getEnumConstants()) {
                        allowed.append(allowed.isEmpty() ? "" : ", ").append(((Enum<?>) c).name());
                    }
                    throw ApiProblem.badRequest(name, kind + " '" + name + "' must be one of " + allowed
                            + ", was '" + value + "'");
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
