package com.example.opsbench.faulty;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A component whose activation throws: the Plug-ins view and {@code opsbench:extensions} show it as failed. */
@Component(service = FailingActivation.class, immediate = true)
public final class FailingActivation {

    /** Always throws. */
    @Activate
    public FailingActivation() {
        throw new IllegalStateException("deliberately failing activation");
    }
}
