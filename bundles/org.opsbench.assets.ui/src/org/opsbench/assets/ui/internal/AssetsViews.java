package org.opsbench.assets.ui.internal;

/** Element ids of the assets views and the UI-only event that selects an item. */
public final class AssetsViews {

    /** The CI explorer. */
    public static final String EXPLORER = "org.opsbench.assets.ui.part.explorer";
    /** The impact graph. */
    public static final String GRAPH = "org.opsbench.assets.ui.part.graph";
    /** The license view. */
    public static final String LICENSES = "org.opsbench.assets.ui.part.licenses";
    /** IEventBroker topic (workbench-local): data is the {@link org.opsbench.core.CiRef} to show in the graph. */
    public static final String SHOW_IN_GRAPH = "org/opsbench/assets/ui/SHOW_IN_GRAPH";

    private AssetsViews() {
    }
}
