package org.opsbench.security.ui.internal;

import java.util.Optional;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SessionKeys;
import org.opsbench.security.Authentication;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Asks who is working before the first window opens, and makes that {@link Principal} the one every view acts as. A
 * workspace configured for single-user local mode skips the dialog and acts as the named local administrator.
 * Cancelling the login closes the workbench.
 */
public class LoginAddon {

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    Authentication authentication;

    private boolean cancelled;

    @PostConstruct
    void login(MApplication application, IEclipseContext context) {
        if (authentication == null) {
            // the security service did not start: nobody can be authenticated, so nobody works
            cancelled = true;
            LoginDialog.securityUnavailable();
            hideWindows(application);
            return;
        }
        Optional<Principal> local = authentication.localAdministrator();
        Principal principal = local.orElseGet(() -> LoginDialog.ask(authentication));
        if (principal == null) {
            cancelled = true;
            hideWindows(application);
            return;
        }
        context.set(Principal.class, principal);
        context.set(SessionKeys.PRINCIPAL, principal);
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, IWorkbench workbench) {
        if (cancelled) {
            workbench.close();
        }
    }

    private static void hideWindows(MApplication application) {
        for (MWindow window : application.getChildren()) {
            window.setVisible(false);
        }
    }
}
