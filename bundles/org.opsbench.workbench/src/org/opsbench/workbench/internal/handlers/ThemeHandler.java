package org.opsbench.workbench.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.opsbench.workbench.WorkbenchIds;

import jakarta.inject.Named;

/** Window &gt; Theme: switches between the light and the dark theme and remembers the choice. */
public class ThemeHandler {

    @CanExecute
    boolean canExecute(@Optional IThemeEngine themes) {
        return themes != null;
    }

    @Execute
    void execute(IThemeEngine themes, @Named(WorkbenchIds.COMMAND_THEME_ID) String themeId, MApplication app,
            EModelService models) {
        themes.setTheme(themeId, true);
        selectMenuItem(app, models, themeId);
    }

    /** Checks the radio item of {@code themeId} in the Window &gt; Theme menu and unchecks the others. */
    public static void selectMenuItem(MApplication app, EModelService models, String themeId) {
        List<MHandledMenuItem> items = models.findElements(app, null, MHandledMenuItem.class, null,
                EModelService.IN_MAIN_MENU | EModelService.IN_ANY_PERSPECTIVE);
        for (MHandledMenuItem item : items) {
            for (MParameter p : item.getParameters()) {
                if (WorkbenchIds.COMMAND_THEME_ID.equals(p.getName())) {
                    item.setSelected(themeId.equals(p.getValue()));
                }
            }
        }
    }
}
