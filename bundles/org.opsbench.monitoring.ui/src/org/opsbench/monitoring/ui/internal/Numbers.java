package org.opsbench.monitoring.ui.internal;

import java.util.Locale;

/** Figures as the views print them. */
final class Numbers {

    private Numbers() {
    }

    /** {@code value} with three significant digits (no exponent) and its unit: {@code 0.213 ms}, {@code 42 %}. */
    static String value(double value, String unit) {
        String text;
        if (!Double.isFinite(value)) {
            text = Double.toString(value);
        } else {
            double a = Math.abs(value);
            int decimals = a == 0 || a >= 100 ? 0 : (int) Math.min(6, 2 - Math.floor(Math.log10(a)));
            text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        return unit == null || unit.isEmpty() ? text : text + " " + unit;
    }
}
