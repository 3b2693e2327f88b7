package io.iocplab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the arrows of ARCHITECTURE.md true: each package under {@code io.iocplab} knows
 * only the layers below it, and only {@code app} touches JavaFX. Layers that have no
 * classes yet are allowed; the rules bite as soon as they do.
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

    @ArchTest
    static final ArchRule only_app_uses_javafx = noClasses()
            .that().resideOutsideOfPackage("io.iocplab.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true);
}
