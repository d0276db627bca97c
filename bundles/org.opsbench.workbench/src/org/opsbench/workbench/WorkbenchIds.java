package org.opsbench.workbench;

/**
 * Ids of the application model elements that UI bundles extend. Use them as {@code parentElementId} of model fragments,
 * and use the part stack ids as the {@code category} of a part descriptor to say where its view opens.
 */
public final class WorkbenchIds {

    /** The application. Part descriptors, commands and handlers are added here ({@code featurename="descriptors"}). */
    public static final String APPLICATION = "org.opsbench.workbench.application";
    /** The main window. */
    public static final String WINDOW_MAIN = "org.opsbench.workbench.window.main";

    /** The main menu bar. */
    public static final String MENU_MAIN = "org.opsbench.workbench.menu.main";
    /** File menu. */
    public static final String MENU_FILE = "org.opsbench.workbench.menu.file";
    /** Edit menu. */
    public static final String MENU_EDIT = "org.opsbench.workbench.menu.edit";
    /** Window menu. */
    public static final String MENU_WINDOW = "org.opsbench.workbench.menu.window";
    /** Help menu. */
    public static final String MENU_HELP = "org.opsbench.workbench.menu.help";
    /**
     * Anchor in the File menu: contribute with {@code positionInList="before:"} this id.
     *
     * @since 1.1
     */
    public static final String MENU_FILE_ADDITIONS = "org.opsbench.workbench.menu.file.additions";
    /**
     * Anchor in the Edit menu.
     *
     * @since 1.1
     */
    public static final String MENU_EDIT_ADDITIONS = "org.opsbench.workbench.menu.edit.additions";
    /**
     * Anchor in the Window menu, where each area adds its own sub-menu ({@code positionInList="before:"} this id).
     *
     * @since 1.1
     */
    public static final String MENU_WINDOW_ADDITIONS = "org.opsbench.workbench.menu.window.additions";

    /** The main tool bar. */
    public static final String TOOLBAR_MAIN = "org.opsbench.workbench.toolbar.main";
    /**
     * Anchor in the main tool bar ({@code positionInList="before:"} this id).
     *
     * @since 1.1
     */
    public static final String TOOLBAR_MAIN_ADDITIONS = "org.opsbench.workbench.toolbar.main.additions";
    /** The top trim bar holding the main tool bar. */
    public static final String TRIMBAR_TOP = "org.opsbench.workbench.trimbar.top";
    /** The bottom trim bar holding the status line. */
    public static final String TRIMBAR_BOTTOM = "org.opsbench.workbench.trimbar.bottom";

    /** Part stack on the left: navigation views (trees of hosts, queues, ...). */
    public static final String PARTSTACK_NAVIGATION = "org.opsbench.workbench.partstack.navigation";
    /** Central part stack: the main views of the areas. */
    public static final String PARTSTACK_MAIN = "org.opsbench.workbench.partstack.main";
    /** Bottom part stack: logs, progress, details. */
    public static final String PARTSTACK_BOTTOM = "org.opsbench.workbench.partstack.bottom";

    /** The dashboard part, which draws every {@code DashboardTile} service. */
    public static final String PART_DASHBOARD = "org.opsbench.workbench.part.dashboard";
    /** The navigator part, listing every view the installed bundles contribute. */
    public static final String PART_NAVIGATOR = "org.opsbench.workbench.part.navigator";
    /** The log part. */
    public static final String PART_LOG = "org.opsbench.workbench.part.log";
    /** The progress part, showing running Eclipse Jobs. */
    public static final String PART_PROGRESS = "org.opsbench.workbench.part.progress";

    /** Command that opens a view; parameter {@link #COMMAND_SHOW_PART_ID} is the part descriptor id. */
    public static final String COMMAND_SHOW_PART = "org.opsbench.workbench.command.showpart";
    /** Parameter of {@link #COMMAND_SHOW_PART}. */
    public static final String COMMAND_SHOW_PART_ID = "org.opsbench.workbench.command.showpart.id";
    /** Command that switches the CSS theme; parameter {@link #COMMAND_THEME_ID}. */
    public static final String COMMAND_THEME = "org.opsbench.workbench.command.theme";
    /** Parameter of {@link #COMMAND_THEME}. */
    public static final String COMMAND_THEME_ID = "org.opsbench.workbench.command.theme.id";

    /** The light theme. */
    public static final String THEME_LIGHT = "org.opsbench.theme.light";
    /** The dark theme. */
    public static final String THEME_DARK = "org.opsbench.theme.dark";

    /** Tag of part descriptors listed in the navigator and the Show View menu. */
    public static final String TAG_VIEW = "View";

    /**
     * Prefix of the part descriptor tag that names a view's area in the navigator ({@code area:Monitoring}); without it
     * the area is the contributing bundle's name.
     *
     * @since 1.1
     */
    public static final String TAG_AREA_PREFIX = "area:";

    /** Key of {@code Widget.setData(String, Object)} under which views name their controls, for UI tests. */
    public static final String WIDGET_ID = "org.opsbench.widget.id";

    private WorkbenchIds() {
    }
}
