package org.opsbench.rest.internal.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resource method: HTTP method plus a path template such as {@code /api/v1/tickets/{id}}.
 *
 * @param httpMethod
 *            GET, POST, PUT or DELETE
 * @param template
 *            the path template, starting with {@code /}
 * @param resource
 *            the resource service object
 * @param method
 *            the Java method to call
 */
public record Route(String httpMethod, String template, Object resource, Method method) {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    /** The names of the template's path parameters, in order. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The template as a regular expression over a request path. */
    public Pattern pattern() {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** How many literal characters the template has: more specific templates win. */
    public int literalLength() {
        return PARAM.matcher(template).replaceAll("").length();
    }

    /**
     * The index of the body parameter of {@code method} (the one without {@code @PathParam}, {@code @QueryParam} or
     * {@code @Context}), or -1.
     */
    public static int bodyIndex(Method method) {
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAnnotationPresent(jakarta.ws.rs.PathParam.class)
                    && !parameters[i].isAnnotationPresent(jakarta.ws.rs.QueryParam.class)
                    && !parameters[i].isAnnotationPresent(jakarta.ws.rs.core.Context.class)) {
                return i;
            }
        }
        return -1;
    }

    /** A stable id for OpenAPI: class simple name and method name. */
    public String operationId() {
        return Character.toLowerCase(method.getDeclaringClass().getSimpleName().charAt(0))
                + method.getDeclaringClass().getSimpleName().substring(1) + "_" + method.getName();
    }
}
