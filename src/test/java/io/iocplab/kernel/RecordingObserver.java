package io.iocplab.kernel;

import java.util.ArrayList;
import java.util.List;

/** A {@link PortObserver} that remembers everything the kernel told it, in order. */
final class RecordingObserver implements PortObserver {

    /** What a port looked like when it reported a change. */
    record Snapshot(String port, int running, List<String> queue, List<String> waiters, List<String> associated,
                    boolean closed) {}

    final List<Snapshot> changes = new ArrayList<>();
    final List<Release> releases = new ArrayList<>();
    final List<String> abandoned = new ArrayList<>();
    /** Every callback in order: "changed:P", "released:T", "abandoned:T@P". */
    final List<String> log = new ArrayList<>();

    @Override
    public void portChanged(CompletionPort port) {
        changes.add(new Snapshot(port.name(), port.running(),
                port.queue().stream().map(p -> p.overlapped() == null ? "null" : p.overlapped().label()).toList(),
                port.waiters().stream().map(KernelThread::name).toList(),
                port.associated().stream().map(KernelThread::name).toList(),
                port.isClosed()));
        log.add("changed:" + port.name());
    }

    @Override
    public void released(Release release) {
        releases.add(release);
        log.add("released:" + release.thread().name());
    }

    @Override
    public void abandoned(KernelThread thread, CompletionPort port) {
        abandoned.add(thread.name() + "@" + port.name());
        log.add("abandoned:" + thread.name() + "@" + port.name());
    }

    Snapshot last() {
        return changes.get(changes.size() - 1);
    }

    void clear() {
        changes.clear();
        releases.clear();
        abandoned.clear();
        log.clear();
    }
}
