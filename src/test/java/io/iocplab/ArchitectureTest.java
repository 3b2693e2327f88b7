package io.iocplab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps docs/architecture.md true: every class of {@code io.iocplab} is in one of its layers (a new package
 * must be given a place there first), each layer knows only the layers below it, no packages depend on each
 * other in a circle (inside a layer either), and only {@code app} touches JavaFX.
 */
@AnalyzeClasses(packages = "io.iocplab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers_use_only_the_layers_below_them = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)

            .layer("kernel").definedBy("io.iocplab.kernel..")
            .layer("sim").definedBy("io.iocplab.sim..")
            .layer("net").definedBy("io.iocplab.net..")
            .layer("scenario").definedBy("io.iocplab.scenario..")
            .layer("lesson").definedBy("io.iocplab.lesson..")
            .layer("sweep").definedBy("io.iocplab.sweep..")
            .layer("timeline").definedBy("io.iocplab.timeline..")
            .layer("app").definedBy("io.iocplab.app..")
            .layer("cli").definedBy("io.iocplab.cli..")
            .layer("Main").definedBy(belongToAnyOf(Main.class))

            .whereLayer("kernel").mayNotAccessAnyLayer()
            .whereLayer("sim").mayOnlyAccessLayers("kernel")
            .whereLayer("net").mayOnlyAccessLayers("kernel")
            .whereLayer("scenario").mayOnlyAccessLayers("sim", "net", "kernel")
            // a lesson may run a sweep (its best-throughput and most-switches answers); a sweep knows no lesson
            .whereLayer("lesson").mayOnlyAccessLayers("sweep", "scenario", "sim", "net", "kernel")
            .whereLayer("sweep").mayOnlyAccessLayers("scenario", "sim", "net", "kernel")
            .whereLayer("timeline").mayOnlyAccessLayers("sim", "kernel")
            .whereLayer("cli").mayOnlyAccessLayers("lesson", "sweep", "timeline", "scenario", "sim", "net", "kernel")
            // app may use every layer; nothing uses Main, which picks app or cli.
            .whereLayer("Main").mayOnlyAccessLayers("app", "cli")
            .whereLayer("Main").mayNotBeAccessedByAnyLayer();

    static final String[] LAYERS = {"io.iocplab.kernel..", "io.iocplab.sim..", "io.iocplab.net..",
        "io.iocplab.scenario..", "io.iocplab.lesson..", "io.iocplab.sweep..", "io.iocplab.timeline..",
        "io.iocplab.app..", "io.iocplab.cli.."};

    @ArchTest
    static final ArchRule every_class_is_in_a_layer = classes()
            .should().resideInAnyPackage(LAYERS)
            .orShould().be(Main.class);

    @ArchTest
    static final ArchRule no_packages_depend_on_each_other_in_a_circle = slices()
            .matching("io.iocplab.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_app_uses_javafx = noClasses()
            .that().resideOutsideOfPackage("io.iocplab.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true);
}
