/**
 * Small SWT helpers shared by the views of every area, so that lists sort and filter the same way everywhere:
 * {@link org.opsbench.workbench.widgets.TableSupport}, {@link org.opsbench.workbench.widgets.MessageLine},
 * {@link org.opsbench.workbench.widgets.Buttons}, and since 1.1.0 the
 * {@link org.opsbench.workbench.widgets.TimeSeriesChart}, coloured table cells and
 * {@link org.opsbench.workbench.widgets.Background} (service calls as Jobs, outcomes on the UI thread).
 */
package org.opsbench.workbench.widgets;
