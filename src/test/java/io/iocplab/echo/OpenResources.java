package io.iocplab.echo;

import io.iocplab.net.LoopbackNetwork;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run may leave open, taken at one moment: the project's own registry of channels and
 * selectors ({@link LoopbackNetwork#openResourcesInProcess()}), the process's open file descriptors
 * (the entries of {@code /proc/self/fd}, Linux; null elsewhere) with what each points to, and the
 * live threads whose name starts with {@code iocplab}.
 *
 * <p>Listing {@code /proc/self/fd} opens one descriptor for the listing itself; it is in every
 * snapshot, so counts compare fairly.
 */
record OpenResources(int registry, Map<Integer, String> fds, List<String> iocplabThreads) {

    static final Path PROC_FD = Path.of("/proc/self/fd");

    static OpenResources now() {
        return new OpenResources(LoopbackNetwork.openResourcesInProcess(), listDescriptors(), listIocplabThreads());
    }

    /** True where the process's descriptors can be counted (Linux). */
    static boolean canCountDescriptors() {
        return Files.isDirectory(PROC_FD);
    }

    int descriptors() {
        return fds == null ? -1 : fds.size();
    }

    /** How many of the descriptors are sockets (TCP channels; a selector is an anon_inode). */
    long sockets() {
        return fds == null ? -1 : fds.values().stream().filter(t -> t.startsWith("socket:")).count();
    }

    /** What is open now and was not in {@code before}, for failure messages. */
    String newSince(OpenResources before) {
        StringBuilder sb = new StringBuilder();
        sb.append("registry ").append(before.registry).append(" -> ").append(registry);
        if (fds != null && before.fds != null) {
            sb.append("; descriptors ").append(before.fds.size()).append(" -> ").append(fds.size())
                    .append("; new:");
            fds.forEach((fd, target) -> {
                if (!target.equals(before.fds.get(fd))) {
                    sb.append(' ').append(fd).append("->").append(target);
                }
            });
        }
        sb.append("; iocplab threads ").append(iocplabThreads);
        return sb.toString();
    }

    private static Map<Integer, String> listDescriptors() {
        if (!canCountDescriptors()) {
            return null;
        }
        Map<Integer, String> out = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(PROC_FD)) {
            for (Path p : dir) {
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    target = "?";                     // closed since listed (the listing's own descriptor)
                }
                out.put(Integer.parseInt(p.getFileName().toString()), target);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + PROC_FD + ": " + e, e);
        }
        return out;
    }

    private static List<String> listIocplabThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("iocplab")) {
                names.add(t.getName());
            }
        }
        names.sort(null);
        return names;
    }
}
