package org.opsbench.persistence.internal;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Sends EclipseLink's log to the OSGi log service instead of {@code System.out}. EclipseLink instantiates it by class
 * name (property {@code eclipselink.logging.logger}) through {@link UnitClassLoader}, so it finds its logger itself.
 */
public final class OsgiSessionLog extends AbstractSessionLog {

    private final Logger logger;

    /** Called by EclipseLink. */
    public OsgiSessionLog() {
        Bundle bundle = FrameworkUtil.getBundle(OsgiSessionLog.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        ServiceReference<LoggerFactory> ref = context == null ? null : context.getServiceReference(LoggerFactory.class);
        LoggerFactory factory = ref == null ? null : context.getService(ref);
        logger = factory == null ? null : factory.getLogger("org.eclipse.persistence", Logger.class);
    }

    @Override
    public void log(SessionLogEntry entry) {
        if (logger == null || !shouldLog(entry.getLevel(), entry.getNameSpace())) {
            return;
        }
        String message = formatMessage(entry);
        Throwable exception = entry.getException();
        int level = entry.getLevel();
        if (level >= SessionLog.SEVERE) {
            logger.error("{}", message, exception);
        } else if (level >= SessionLog.WARNING) {
            logger.warn("{}", message, exception);
        } else if (level >= SessionLog.INFO) {
            logger.info("{}", message, exception);
        } else {
            logger.debug("{}", message, exception);
        }
    }
}
