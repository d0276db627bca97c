package org.opsbench.persistence.internal;

/**
 * The class loader EclipseLink gets for an area's persistence unit: the area bundle's class loader (persistence.xml,
 * entities, everything the area sees) and, only when the area does not know a class, the one class EclipseLink
 * instantiates by name on behalf of this bundle ({@link OsgiSessionLog}). Resources come from the area alone.
 */
final class UnitClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    UnitClassLoader(String name, ClassLoader area) {
        super(name, area);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (OsgiSessionLog.class.getName().equals(name)) {
            return OsgiSessionLog.class;
        }
        throw new ClassNotFoundException(name);
    }
}
