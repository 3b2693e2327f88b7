/**
 * Experiments: measures of a headless run and sweeps over the knobs (issue 6, the headless part).
 *
 * <p>{@link io.iocplab.sweep.MeasuringSink} folds a run's events into {@link io.iocplab.sweep.Measures}
 * as they come (throughput, echo latency, context switches per packet, processor utilisation, and per
 * port the time above the concurrency value and the time packets waited while threads did);
 * {@link io.iocplab.sweep.Sweep} runs every combination of one or more {@link io.iocplab.sweep.Axis axes}
 * on a base scenario in the background ({@link io.iocplab.sweep.SweepRun}: progress, cancel, results in
 * configuration order); {@link io.iocplab.sweep.Csv} writes the rows. This package uses {@code scenario},
 * {@code sim}, {@code net} and {@code kernel}, and nothing of JavaFX.
 *
 * <p>It is the one layer this project adds to {@code ARCHITECTURE.md}'s table: a measured run is still a
 * run of a scenario, so the layer sits just above {@code scenario}. {@code lesson} uses it for the
 * answers of a lesson built on a sweep ({@code best-throughput}, {@code most-switches}); {@code cli} and
 * {@code app} use it; it uses no lesson, timeline, app or cli ({@code ArchitectureTest}).
 */
package io.iocplab.sweep;
