package org.opsbench.rest.tests;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Example values built from the OpenAPI document's schemas: a request body with every property set to a plain value of
 * its type (the first enum constant, an instant an hour ahead for date-times), for calls and as the fuzzer's seeds.
 */
final class Examples {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonNode doc;

    Examples(JsonNode doc) {
        this.doc = doc;
    }

    /** The example request body of {@code operation}, or null when it takes none. */
    String body(JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value(schema, 0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode value(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return value(doc.get("components").get("schemas").get(name), depth + 1);
        }
        if (schema.has("oneOf")) {
            return value(schema.get("oneOf").get(0), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.get("type").get(0).asText() : schema.path("type").asText();
        switch (type) {
            case "object" : {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), value(p.getValue(), depth + 1));
                    }
                }
                return o;
            }
            case "array" : {
                ArrayNode a = NODES.arrayNode();
                if (schema.has("items") && depth < 4) {
                    a.add(value(schema.get("items"), depth + 1));
                }
                return a;
            }
            case "integer" :
                return NODES.numberNode(1);
            case "number" :
                return NODES.numberNode(1.5);
            case "boolean" :
                return NODES.booleanNode(true);
            case "null" :
                return NODES.nullNode();
            default :
                return "date-time".equals(schema.path("format").asText())
                        ? NODES.textNode(Instant.now().plusSeconds(3600).toString())
                        : NODES.textNode("example");
        }
    }
}
