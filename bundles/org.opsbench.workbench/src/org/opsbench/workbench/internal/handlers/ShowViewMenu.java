package org.opsbench.workbench.internal.handlers;

import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.internal.parts.NavigatorPart;

/** Window &gt; Show View: one entry per view that the installed bundles contribute. */
public class ShowViewMenu {

    @AboutToShow
    void aboutToShow(List<MMenuElement> items, MApplication app, EModelService models) {
        MCommand command = app.getCommands().stream()
                .filter(c -> WorkbenchIds.COMMAND_SHOW_PART.equals(c.getElementId())).findFirst().orElseThrow();
        NavigatorPart.views(app).stream().sorted(Comparator.comparing(MPartDescriptor::getLocalizedLabel))
                .forEach(d -> {
                    MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
                    item.setLabel(d.getLocalizedLabel());
                    item.setCommand(command);
                    MParameter p = models.createModelElement(MParameter.class);
                    p.setName(WorkbenchIds.COMMAND_SHOW_PART_ID);
                    p.setValue(d.getElementId());
                    item.getParameters().add(p);
                    items.add(item);
                });
    }
}
