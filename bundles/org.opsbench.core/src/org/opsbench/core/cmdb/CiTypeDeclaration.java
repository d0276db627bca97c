package org.opsbench.core.cmdb;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Declares configuration item types as data. Register as an OSGi service: the CMDB gathers every declaration
 * dynamically, so a third-party bundle adds types (or attributes to a shipped type, by declaring a type of the same id:
 * the attributes of all declarations of one id are merged) without any code change in the CMDB.
 */
@ConsumerType
public interface CiTypeDeclaration {

    /** The types this bundle declares. */
    List<CiType> types();
}
