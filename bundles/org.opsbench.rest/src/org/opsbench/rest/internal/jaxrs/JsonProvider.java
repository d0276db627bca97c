package org.opsbench.rest.internal.jaxrs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.internal.ApiCore;

/**
 * Request and response bodies as strict JSON ({@link Json}): a body that is missing, in another content type, malformed
 * or of the wrong shape is a 400 or 415 problem naming the field.
 */
@Consumes(MediaType.WILDCARD)
@Produces({MediaType.APPLICATION_JSON, "application/problem+json", "application/*+json"})
final class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    private final Json json;

    JsonProvider(Json json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return true;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        if (body.length == 0) {
            throw ApiProblem.badRequest(null, "a JSON request body is required");
        }
        if (!ApiCore.isJson(httpHeaders.getFirst("Content-Type"))) {
            throw new ApiProblem(415, "Unsupported Media Type",
                    "the request body must be sent as Content-Type: application/json", null);
        }
        Object value = json.read(body, genericType);
        if (value == null) {
            throw ApiProblem.badRequest(null, "the request body must be a JSON object, not null");
        }
        return value;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType == null || mediaType.isWildcardType() || mediaType.getSubtype().equals("json")
                || mediaType.getSubtype().endsWith("+json");
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        entityStream.write(json.write(value));
    }
}
