package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.core.cmdb.CiAttribute;
import org.opsbench.core.cmdb.CiType;
import org.opsbench.core.cmdb.CiTypeDeclaration;
import org.osgi.framework.ServiceRegistration;

/** A type declared by another bundle's service appears, validates and goes away with the service: data, not code. */
class ExtensionTypeTest {

    @Test
    void declaredTypeAndExtraAttributeComeAndGoWithTheService() throws Exception {
        Assets assets = Osgi.service(Assets.class);
        var operator = Osgi.user("operator");
        CiTypeDeclaration declaration = () -> List.of(
                CiType.of("storage-array", "Storage array", CiAttribute.required("capacity.tb", "Capacity",
                        CiAttribute.Kind.NUMBER)),
                CiType.of("server", "Server", CiAttribute.optional("asset.tag", "Asset tag", CiAttribute.Kind.TEXT)));
        ServiceRegistration<CiTypeDeclaration> reg = Osgi.context().registerService(CiTypeDeclaration.class,
                declaration, null);
        try {
            assertTrue(assets.types().stream().anyMatch(t -> t.id().equals("storage-array")));
            InvalidItemException bad = assertThrows(InvalidItemException.class, () -> assets.create(operator,
                    CiSpec.of("storage-array", "sa-" + Osgi.RUN).withAttributes(Map.of("capacity.tb", "lots"))));
            assertEquals("attributes.capacity.tb", bad.field());
            assets.create(operator, CiSpec.of("storage-array", "sa-" + Osgi.RUN)
                    .withAttributes(Map.of("capacity.tb", "12.5")));
            assets.create(operator, CiSpec.of("server", "tagged-" + Osgi.RUN)
                    .withAttributes(Map.of("asset.tag", "A-1", "owner", "ops")));
        } finally {
            reg.unregister();
        }
        assertTrue(assets.types().stream().noneMatch(t -> t.id().equals("storage-array")));
        assertThrows(InvalidItemException.class, () -> assets.create(operator,
                CiSpec.of("server", "untagged-" + Osgi.RUN).withAttributes(Map.of("asset.tag", "A-2"))));
    }
}
