package org.opsbench.assets.internal.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opsbench.assets.CiSpec;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.core.cmdb.CiAttribute;
import org.opsbench.core.cmdb.CiType;
import org.opsbench.core.cmdb.CiTypeDeclaration;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The item types of every {@link CiTypeDeclaration} service, gathered dynamically: declarations of one id merge their
 * attributes (the first declaration of an attribute wins). Validates specs against them.
 */
@Component(service = TypeRegistry.class)
public final class TypeRegistry {

    private final List<CiTypeDeclaration> declarations = new CopyOnWriteArrayList<>();

    /** A registry on these declarations, outside OSGi (benchmark). */
    public static TypeRegistry of(CiTypeDeclaration... declared) {
        TypeRegistry r = new TypeRegistry();
        r.declarations.addAll(List.of(declared));
        return r;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDeclaration(CiTypeDeclaration declaration) {
        declarations.add(declaration);
    }

    void removeDeclaration(CiTypeDeclaration declaration) {
        declarations.remove(declaration);
    }

    /** The merged types, by id. */
    public List<CiType> types() {
        Map<String, CiType> merged = new LinkedHashMap<>();
        for (CiTypeDeclaration d : declarations) {
            for (CiType t : d.types()) {
                CiType known = merged.get(t.id());
                if (known == null) {
                    merged.put(t.id(), t);
                } else {
                    List<CiAttribute> attributes = new ArrayList<>(known.attributes());
                    for (CiAttribute a : t.attributes()) {
                        if (known.attribute(a.name()) == null) {
                            attributes.add(a);
                        }
                    }
                    merged.put(t.id(), new CiType(t.id(), known.displayName(), attributes));
                }
            }
        }
        return merged.values().stream().sorted(java.util.Comparator.comparing(CiType::id)).toList();
    }

    /** The type {@code id}, or {@code null}. */
    public CiType type(String id) {
        return types().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Checks a spec: a known type, a name, declared attributes with valid values, tags and groups as simple words.
     *
     * @throws InvalidItemException
     *             naming the first field at fault
     */
    public CiType validate(CiSpec spec) {
        if (spec.type() == null || spec.type().isBlank()) {
            throw new InvalidItemException("type", "is required");
        }
        CiType type = type(spec.type());
        if (type == null) {
            throw new InvalidItemException("type", "no type '" + spec.type() + "'; known: "
                    + types().stream().map(CiType::id).toList());
        }
        if (spec.name() == null || spec.name().isBlank()) {
            throw new InvalidItemException("name", "is required");
        }
        if (spec.name().strip().length() > 255 || spec.name().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidItemException("name", "at most 255 characters, no control characters");
        }
        for (Map.Entry<String, String> e : spec.attributes().entrySet()) {
            CiAttribute a = type.attribute(e.getKey());
            if (a == null) {
                throw new InvalidItemException("attributes." + e.getKey(), "a " + type.id() + " has no such attribute;"
                        + " it has " + type.attributes().stream().map(CiAttribute::name).toList());
            }
            String problem = a.problem(e.getValue());
            if (problem != null) {
                throw new InvalidItemException("attributes." + e.getKey(), problem);
            }
        }
        for (CiAttribute a : type.attributes()) {
            if (a.required() && (spec.attributes().get(a.name()) == null
                    || spec.attributes().get(a.name()).isBlank())) {
                throw new InvalidItemException("attributes." + a.name(), "is required for a " + type.id());
            }
        }
        for (String tag : spec.tags()) {
            word("tags", tag);
        }
        for (String group : spec.groups()) {
            word("groups", group);
        }
        return type;
    }

    private static void word(String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")) {
            throw new InvalidItemException(field, "letters, digits, '_', '.', '-', was '" + value + "'");
        }
    }
}
