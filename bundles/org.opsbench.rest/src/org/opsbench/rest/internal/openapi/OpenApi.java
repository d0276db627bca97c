package org.opsbench.rest.internal.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.Created;
import org.opsbench.rest.Page;

/**
 * Builds the OpenAPI 3.1 document from the registered routes: paths, methods, parameters, and request and response
 * schemas derived from the record components, so the document always matches what is served. Record components are all
 * listed; primitive ones are required (others may be null, and the record itself validates them).
 */
public final class OpenApi {

    private final Map<String, Object> schemas = new LinkedHashMap<>();
    private final Map<Type, String> names = new LinkedHashMap<>();

    /** The document for {@code routes} plus the runtime's own endpoints. */
    public static Map<String, Object> document(List<Route> routes, String serverUrl) {
        return new OpenApi().build(routes, serverUrl);
    }

    private Map<String, Object> build(List<Route> routes, String serverUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Opsbench REST API", "version", "1.0.0", "description",
                "Every call except GET /health/live and GET /health/ready needs Authorization: Bearer <token> "
                        + "(an API token, or a session token from POST /api/v1/session). Errors are RFC 9457 "
                        + "problem details."));
        if (serverUrl != null) {
            doc.put("servers", List.of(Map.of("url", serverUrl)));
        }
        Map<String, Object> paths = new java.util.TreeMap<>();
        builtIn(paths);
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.template(),
                    t -> new LinkedHashMap<>());
            item.put(route.httpMethod().toLowerCase(), operation(route));
        }
        doc.put("paths", paths);
        schemas.put("Problem", problemSchema());
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")));
        doc.put("components", components);
        doc.put("security", List.of(Map.of("bearer", List.of())));
        return doc;
    }

    private Map<String, Object> operation(Route route) {
        Method method = route.method();
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", route.operationId());
        ApiDoc doc = method.getAnnotation(ApiDoc.class);
        op.put("summary", doc == null ? method.getName() : doc.summary());
        if (doc != null && !doc.description().isEmpty()) {
            op.put("description", doc.description());
        }
        op.put("tags", List.of(tag(route.template())));
        List<Object> parameters = new ArrayList<>();
        java.lang.reflect.Parameter[] ps = method.getParameters();
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            if (ps[i].isAnnotationPresent(PathParam.class)) {
                parameters.add(Map.of("name", ps[i].getAnnotation(PathParam.class).value(), "in", "path",
                        "required", true, "schema", schema(types[i])));
            } else if (ps[i].isAnnotationPresent(QueryParam.class)) {
                Map<String, Object> schema = new LinkedHashMap<>(schema(types[i]));
                DefaultValue def = ps[i].getAnnotation(DefaultValue.class);
                if (def != null) {
                    schema.put("default", defaultValue(ps[i].getType(), def.value()));
                }
                if (ps[i].getAnnotation(QueryParam.class).value().equals("limit")) {
                    schema.put("minimum", 1);
                    schema.put("maximum", Page.MAX_LIMIT);
                } else if (ps[i].getAnnotation(QueryParam.class).value().equals("offset")) {
                    schema.put("minimum", 0);
                }
                parameters.add(Map.of("name", ps[i].getAnnotation(QueryParam.class).value(), "in", "query",
                        "required", false, "schema", schema));
            }
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        int body = Route.bodyIndex(method);
        if (body >= 0) {
            op.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", schema(types[body])))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Type result = method.getGenericReturnType();
        if (result == void.class || result == Void.class) {
            responses.put("204", Map.of("description", "Done"));
        } else {
            Map<String, Object> content = Map.of("application/json", Map.of("schema", schema(result)));
            if (route.httpMethod().equals("POST") && method.isAnnotationPresent(Created.class)) {
                responses.put("201", Map.of("description", "Created", "headers", Map.of("Location", Map.of(
                        "description", "the new resource", "schema", Map.of("type", "string", "format", "uri"))),
                        "content", content));
            } else {
                responses.put("200", Map.of("description", "Success", "content", content));
            }
        }
        for (String status : List.of("400", "401", "403", "404", "409")) {
            responses.put(status, problem(status));
        }
        op.put("responses", responses);
        return op;
    }

    private static String tag(String template) {
        String[] parts = template.split("/");
        return parts.length > 3 ? parts[3] : template;
    }

    private static Object defaultValue(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return Long.parseLong(value);
            }
            if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(value);
            }
        } catch (NumberFormatException e) {
            return value;
        }
        return value;
    }

    private static Map<String, Object> problem(String status) {
        return Map.of("description", switch (status) {
            case "400" -> "Bad request: the problem names the field";
            case "401" -> "No valid credentials";
            case "403" -> "Not allowed";
            case "404" -> "Not found";
            case "409" -> "Conflict with the current state";
            default -> "Error";
        }, "content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref",
                "#/components/schemas/Problem"))));
    }

    private void builtIn(Map<String, Object> paths) {
        Map<String, Object> anonymous = Map.of();
        Map<String, Object> status = Map.of("application/json", Map.of("schema", statusSchema()));
        paths.put("/health/live", Map.of("get", Map.of("operationId", "health_live", "summary",
                "Liveness: the server process answers (anonymous)", "tags", List.of("health"), "security",
                List.of(anonymous), "responses", Map.of("200", Map.of("description", "Alive", "content", status)))));
        paths.put("/health/ready", Map.of("get", Map.of("operationId", "health_ready", "summary",
                "Readiness: database and every health indicator (anonymous; details only with credentials)",
                "tags", List.of("health"), "security", List.of(anonymous), "responses",
                Map.of("200", Map.of("description", "Ready", "content", status), "503",
                        Map.of("description", "Not ready", "content", status)))));
        paths.put("/metrics", Map.of("get", Map.of("operationId", "metrics", "summary",
                "Prometheus metrics (text format 0.0.4); needs server:metrics", "tags", List.of("health"),
                "responses", Map.of("200", Map.of("description", "Metrics", "content",
                        Map.of("text/plain", Map.of("schema", Map.of("type", "string")))), "401",
                        problem("401"), "403", problem("403")))));
        paths.put("/api/v1/openapi.json", Map.of("get", Map.of("operationId", "openapi", "summary",
                "This document", "tags", List.of("meta"), "responses", Map.of("200", Map.of("description",
                        "OpenAPI 3.1", "content", Map.of("application/json", Map.of("schema",
                                Map.of("type", "object")))),
                        "401", problem("401")))));
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("type", "object");
        login.put("additionalProperties", false);
        login.put("required", List.of("login", "password"));
        login.put("properties", Map.of("login", Map.of("type", "string"), "password", Map.of("type", "string")));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("type", "object");
        session.put("required", List.of("token", "login", "idleTimeoutSeconds"));
        session.put("properties", Map.of("token", Map.of("type", "string"), "login", Map.of("type", "string"),
                "displayName", Map.of("type", "string"), "idleTimeoutSeconds", Map.of("type", "integer")));
        schemas.put("Login", login);
        schemas.put("Session", session);
        paths.put("/api/v1/session", Map.of(
                "post", Map.of("operationId", "session_login", "summary",
                        "Log in with login and password; answers a session token for Authorization: Bearer",
                        "tags", List.of("session"), "security", List.of(anonymous), "requestBody",
                        Map.of("required", true, "content", Map.of("application/json",
                                Map.of("schema", Map.of("$ref", "#/components/schemas/Login")))),
                        "responses", Map.of("201", Map.of("description", "Logged in", "content",
                                Map.of("application/json", Map.of("schema",
                                        Map.of("$ref", "#/components/schemas/Session")))),
                                "400", problem("400"), "401", problem("401"), "403", problem("403"), "429",
                                Map.of("description", "Too many failed attempts (Retry-After)", "content",
                                        Map.of("application/problem+json", Map.of("schema",
                                                Map.of("$ref", "#/components/schemas/Problem")))))),
                "delete", Map.of("operationId", "session_logout", "summary", "End this session", "tags",
                        List.of("session"), "responses", Map.of("204", Map.of("description", "Logged out"), "401",
                                problem("401")))));
    }

    private static Map<String, Object> statusSchema() {
        return Map.of("type", "object", "required", List.of("status"), "properties",
                Map.of("status", Map.of("type", "string", "enum", List.of("UP", "DOWN")), "checks",
                        Map.of("type", "object")));
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("required", List.of("type", "title", "status", "detail"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", Map.of("type", "string"));
        p.put("title", Map.of("type", "string"));
        p.put("status", Map.of("type", "integer"));
        p.put("detail", Map.of("type", "string"));
        p.put("instance", Map.of("type", "string"));
        p.put("field", Map.of("type", "string"));
        p.put("errorId", Map.of("type", "string"));
        s.put("properties", p);
        return s;
    }

    /** The schema of {@code type}: inline for simple types, a {@code $ref} for records. */
    Map<String, Object> schema(Type type) {
        if (type instanceof WildcardType w) {
            return schema(w.getUpperBounds()[0]);
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(args[1]));
            }
            if (raw == java.util.Optional.class) {
                return schema(args[0]);
            }
            if (raw == Page.class) {
                return ref(type, "PageOf" + simpleName(args[0]), () -> pageSchema(args[0]));
            }
            return schema(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == char.class || c == Character.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class
                || Number.class.isAssignableFrom(c)) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object e : c.getEnumConstants()) {
                values.add(((Enum<?>) e).name());
            }
            return Map.of("type", "string", "enum", values);
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType()));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return Map.of("type", "array");
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.of("type", "object");
        }
        if (c.isRecord()) {
            return ref(c, simpleName(c), () -> recordSchema(c));
        }
        return Map.of();
    }

    private Map<String, Object> ref(Type type, String wanted, java.util.function.Supplier<Map<String, Object>> body) {
        String name = names.get(type);
        if (name == null) {
            name = wanted;
            int n = 2;
            while (schemas.containsKey(name)) {
                name = wanted + n++;
            }
            names.put(type, name);
            schemas.put(name, Map.of());
            schemas.put(name, body.get());
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private Map<String, Object> recordSchema(Class<?> c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("additionalProperties", false);
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent rc : c.getRecordComponents()) {
            Map<String, Object> p = schema(rc.getGenericType());
            if (!rc.getType().isPrimitive() && !p.containsKey("$ref")) {
                p = new LinkedHashMap<>(p);
                Object t = p.get("type");
                if (t != null) {
                    p.put("type", List.of(t, "null"));
                }
            } else if (p.containsKey("$ref")) {
                p = Map.of("oneOf", List.of(p, Map.of("type", "null")));
            }
            properties.put(rc.getName(), p);
            if (rc.getType().isPrimitive()) {
                required.add(rc.getName());
            }
        }
        s.put("properties", properties);
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        return s;
    }

    private Map<String, Object> pageSchema(Type item) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("required", List.of("items", "offset", "limit", "total"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("items", Map.of("type", "array", "items", schema(item)));
        p.put("offset", Map.of("type", "integer", "format", "int32"));
        p.put("limit", Map.of("type", "integer", "format", "int32"));
        p.put("total", Map.of("type", "integer", "format", "int64"));
        s.put("properties", p);
        return s;
    }

    private static String simpleName(Type t) {
        if (t instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (t instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName();
        }
        return "Object";
    }
}
