package com.example.opsbench.faulty;

import java.util.List;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Check type {@code faulty-hangs}: every run blocks and ignores interrupts, as a third-party check stuck in a read
 * without timeout would. It lets go only when its bundle stops.
 */
@Component(service = CheckType.class)
public final class HangingCheck implements CheckType {

    private volatile boolean stopped;

    @Override
    public String id() {
        return "faulty-hangs";
    }

    @Override
    public String displayName() {
        return "Faulty: hangs";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public CheckResult run(CheckContext context) {
        while (!stopped) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                // deliberately ignored: this check does not cooperate
            }
        }
        throw new IllegalStateException("stopped");
    }

    @Deactivate
    void stop() {
        stopped = true;
    }
}
