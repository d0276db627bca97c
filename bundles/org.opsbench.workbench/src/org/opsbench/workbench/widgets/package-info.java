/**
 * Small SWT helpers shared by the views of every area, so that lists sort and filter the same way everywhere:
 * {@link org.opsbench.workbench.widgets.TableSupport}, {@link org.opsbench.workbench.widgets.MessageLine},
 * {@link org.opsbench.workbench.widgets.Buttons}, and since 1.1.0 the
 * {@link org.opsbench.workbench.widgets.TimeSeriesChart} and coloured table cells.
 */
package org.opsbench.workbench.widgets;
