package org.opsbench.assets.ui.internal;

import org.eclipse.swt.graphics.Color;

/** A soft fill colour per item type for the graph; unknown types are grey. */
final class TypeColors {

    private TypeColors() {
    }

    static Color of(String type) {
        return switch (type) {
            case "server" -> new Color(173, 216, 230);
            case "virtual-machine" -> new Color(190, 225, 245);
            case "network-device" -> new Color(200, 200, 240);
            case "application" -> new Color(186, 230, 186);
            case "database" -> new Color(245, 205, 160);
            case "business-service" -> new Color(240, 190, 200);
            case "location" -> new Color(220, 220, 200);
            case "license", "software-package" -> new Color(225, 210, 240);
            default -> new Color(225, 225, 225);
        };
    }
}
