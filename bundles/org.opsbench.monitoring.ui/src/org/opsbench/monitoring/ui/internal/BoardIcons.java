package org.opsbench.monitoring.ui.internal;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

/** A small square of each state's colour for the filter toggles; disposed with the view. */
final class BoardIcons {

    private final Display display;
    private final Map<BoardState, Image> images = new EnumMap<>(BoardState.class);

    BoardIcons(Display display) {
        this.display = display;
    }

    Image of(BoardState state) {
        return images.computeIfAbsent(state, s -> {
            Image image = new Image(display, 12, 12);
            GC gc = new GC(image);
            try {
                gc.setBackground(StateColors.background(s, false));
                gc.fillRectangle(0, 0, 12, 12);
                gc.setForeground(new Color(0x60, 0x60, 0x60));
                gc.drawRectangle(0, 0, 11, 11);
            } finally {
                gc.dispose();
            }
            return image;
        });
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
