package io.iocplab.timeline;

import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of a port's chart: one point per {@code port.state} of that port, in order, with the
 * running count and the queue depth it reported, and the port's concurrency value (the line the
 * running count is drawn against).
 *
 * @param concurrency the concurrency value of the port's first {@code port.state} (it never
 *                    changes), or 0 when the events hold none
 */
public record PortSeries(String port, int concurrency, List<Point> points) {

    public PortSeries {
        points = List.copyOf(points);
    }

    /**
     * One {@code port.state}.
     *
     * @param step the step at which this value holds from (the event's index + 1)
     */
    public record Point(int step, long tUs, int running, int depth) {}

    /** The series of {@code port} over these events. */
    public static PortSeries of(List<? extends SimEvent> events, String port) {
        List<Point> points = new ArrayList<>();
        int concurrency = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof PortState p && p.port().equals(port)) {
                if (points.isEmpty()) {
                    concurrency = p.concurrency();
                }
                points.add(new Point(i + 1, p.tUs(), p.running(), p.queue().size()));
            }
        }
        return new PortSeries(port, concurrency, points);
    }

    public int maxRunning() {
        return points.stream().mapToInt(Point::running).max().orElse(0);
    }

    public int maxDepth() {
        return points.stream().mapToInt(Point::depth).max().orElse(0);
    }
}
