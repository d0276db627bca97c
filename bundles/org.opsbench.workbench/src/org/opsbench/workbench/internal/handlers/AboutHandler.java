package org.opsbench.workbench.internal.handlers;

import java.util.Arrays;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help &gt; About: version, runtime and workspace, for bug reports. */
public class AboutHandler {

    @Execute
    void execute(@Named("activeShell") Shell shell) {
        Bundle self = FrameworkUtil.getBundle(AboutHandler.class);
        Bundle[] all = self.getBundleContext().getBundles();
        long active = Arrays.stream(all).filter(b -> b.getState() == Bundle.ACTIVE).count();
        String text = "Opsbench " + self.getVersion() + "\n\n" + "Bundles: " + active + " active of " + all.length
                + "\n" + "Java: " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")\n" + "SWT: "
                + SWT.getPlatform() + " " + SWT.getVersion() + "\n" + "Workspace: "
                + self.getBundleContext().getProperty("opsbench.workspace");
        MessageDialog.openInformation(shell, "About Opsbench", text);
    }
}
