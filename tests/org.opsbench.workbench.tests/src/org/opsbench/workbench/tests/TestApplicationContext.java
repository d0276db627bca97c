package org.opsbench.workbench.tests;

import java.util.Map;

import org.eclipse.equinox.app.IApplicationContext;
import org.opsbench.workbench.WorkbenchIds;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The product branding of {@code org.opsbench.workbench.product}, handed to the E4 application in tests. */
final class TestApplicationContext implements IApplicationContext {

    private final Map<String, String> branding = Map.of("applicationXMI", "org.opsbench.workbench/Application.e4xmi",
            "cssTheme", WorkbenchIds.THEME_LIGHT, "appName", "Opsbench");

    @Override
    public Map<String, Object> getArguments() {
        return Map.of(APPLICATION_ARGS, new String[]{"-clearPersistedState", "-persistState", "false"});
    }

    @Override
    public void applicationRunning() {
    }

    @Override
    public String getBrandingApplication() {
        return "org.eclipse.e4.ui.workbench.swt.E4Application";
    }

    @Override
    public String getBrandingName() {
        return "Opsbench";
    }

    @Override
    public String getBrandingDescription() {
        return "Opsbench workbench under test";
    }

    @Override
    public String getBrandingId() {
        return "org.opsbench.workbench.product";
    }

    @Override
    public String getBrandingProperty(String key) {
        return branding.get(key);
    }

    @Override
    public Bundle getBrandingBundle() {
        return FrameworkUtil.getBundle(WorkbenchIds.class);
    }

    @Override
    public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
    }
}
