package org.opsbench.workbench.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.opsbench.workbench.WorkbenchIds;

import jakarta.inject.Named;

/** Opens (or brings to front) the view whose part descriptor id is the command parameter. */
public class ShowPartHandler {

    @Execute
    void execute(EPartService parts, @Named(WorkbenchIds.COMMAND_SHOW_PART_ID) String partId) {
        parts.showPart(partId, PartState.ACTIVATE);
    }
}
