package com.example.opsbench.faulty;

import java.util.List;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Parameter;
import org.osgi.service.component.annotations.Component;

/** Check type {@code faulty-throws}: every run throws, as a broken third-party check would. */
@Component(service = CheckType.class)
public final class ThrowingCheck implements CheckType {

    @Override
    public String id() {
        return "faulty-throws";
    }

    @Override
    public String displayName() {
        return "Faulty: throws";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public CheckResult run(CheckContext context) {
        throw new IllegalStateException("deliberately broken check");
    }
}
