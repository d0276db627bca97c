package org.opsbench.rest.internal.ops;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.opsbench.rest.Health;
import org.opsbench.rest.HealthIndicator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code /health/ready}: the shared database answers, and every {@link HealthIndicator} is up. */
@Component(service = Readiness.class)
public final class Readiness {

    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = "(opsbench.datasource=default)")
    void bindDataSource(DataSource source) {
        this.dataSource = source;
    }

    void unbindDataSource(DataSource source) {
        if (this.dataSource == source) {
            this.dataSource = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    /** The shared data source, or null while none is bound. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Every condition by name, the database first. */
    public Map<String, Health> check() {
        Map<String, Health> out = new LinkedHashMap<>();
        out.put("database", database());
        for (HealthIndicator indicator : indicators) {
            Health h;
            String name;
            try {
                name = indicator.name();
                h = indicator.check();
            } catch (RuntimeException e) {
                name = indicator.getClass().getSimpleName();
                h = Health.down("check failed: " + e.getClass().getSimpleName());
            }
            out.put(name, h == null ? Health.down("no answer") : h);
        }
        return out;
    }

    private Health database() {
        DataSource source = dataSource;
        if (source == null) {
            return Health.down("no database configured or started");
        }
        long start = System.nanoTime();
        try (Connection c = source.getConnection()) {
            if (!c.isValid(5)) {
                return Health.down("the database connection is not valid");
            }
            return Health.up("answered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (Exception e) {
            return Health.down("cannot connect: " + e.getClass().getSimpleName());
        }
    }
}
