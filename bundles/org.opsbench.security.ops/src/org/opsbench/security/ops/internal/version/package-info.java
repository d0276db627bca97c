/** Version order of package ecosystems: dpkg's and rpm's, parsed once into comparable keys. */
package org.opsbench.security.ops.internal.version;
