package org.opsbench.backup.ui.internal;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.MessageLine;

/**
 * The read-and-refresh of the backup views, in one place: a service read as a background Job whose result reaches the
 * view only while it is open (a failure goes to its message line), and a backup event's refresh moved onto the UI
 * thread. A view makes one in its {@code @PostConstruct} and calls {@link #dispose()} in its {@code @PreDestroy}.
 */
final class ViewReads {

    private final UISynchronize ui;
    private final Composite root;
    private final MessageLine message;
    private volatile boolean disposed;

    ViewReads(UISynchronize ui, Composite root, MessageLine message) {
        this.ui = ui;
        this.root = root;
        this.message = message;
    }

    /** The view was closed. */
    void dispose() {
        disposed = true;
    }

    /** Whether the view is closed (then nothing is read or shown). */
    boolean closed() {
        return disposed || root.isDisposed();
    }

    /** Reads with {@code read} in the background and hands the result to {@code show} on the UI thread. */
    <T> void read(String title, Callable<T> read, Consumer<T> show) {
        if (closed()) {
            return;
        }
        Background.run(ui, title, false, read, result -> {
            if (!root.isDisposed()) {
                show.accept(result);
            }
        }, e -> {
            if (!root.isDisposed()) {
                message.error(Background.message(e));
            }
        });
    }

    /** From any thread (an event handler): runs {@code refresh} on the UI thread while the view is open. */
    void refreshLater(Runnable refresh) {
        if (!disposed) {
            ui.asyncExec(() -> {
                if (!closed()) {
                    refresh.run();
                }
            });
        }
    }
}
