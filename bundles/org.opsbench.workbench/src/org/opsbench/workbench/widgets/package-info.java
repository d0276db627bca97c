/** Small SWT helpers shared by the views of every area, so that lists sort and filter the same way everywhere. */
package org.opsbench.workbench.widgets;
