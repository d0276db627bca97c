/** The assets views: CI explorer with item editor, impact graph, discovery dialog, licenses. */
package org.opsbench.assets.ui.internal;
