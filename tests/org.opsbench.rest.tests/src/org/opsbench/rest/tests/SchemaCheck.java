package org.opsbench.rest.tests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against the subset of JSON Schema the OpenAPI generator writes: type (also lists with "null"),
 * properties, required, additionalProperties false, items, enum, $ref, oneOf. Returns the violations.
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    List<String> violations(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out);
        return out;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> out) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            JsonNode target = document.get("components").get("schemas").get(name);
            if (target == null) {
                out.add(where + ": dangling $ref " + name);
                return;
            }
            check(value, target, where, out);
            return;
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode alternative : schema.get("oneOf")) {
                if (violations(value, alternative).isEmpty()) {
                    matching++;
                }
            }
            if (matching != 1) {
                out.add(where + ": matches " + matching + " alternatives of oneOf");
            }
            return;
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            out.add(where + ": " + value.getNodeType() + " is not " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                out.add(where + ": " + value + " not in " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode r : schema.get("required")) {
                    if (!value.has(r.asText())) {
                        out.add(where + ": missing required " + r.asText());
                    }
                }
            }
            JsonNode properties = schema.get("properties");
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (properties != null && properties.has(name)) {
                    check(value.get(name), properties.get(name), where + "." + name, out);
                } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    out.add(where + ": undocumented property " + name);
                } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                    check(value.get(name), schema.get("additionalProperties"), where + "." + name, out);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), where + "[" + i + "]", out);
            }
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(value, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
