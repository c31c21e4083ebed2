package dev.wpuscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layering rules of DESIGN.md §3. */
@AnalyzeClasses(packages = "dev.wpuscope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule logicIsFreeOfJavaFx = noClasses()
            .that().resideInAnyPackage("..catalog..", "..trace..", "..tracer..", "..platform..", "..cli..", "..text..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule jnaOnlyInPlatformWindows = noClasses()
            .that().resideOutsideOfPackage("dev.wpuscope.platform.windows..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule logicDoesNotReachIntoUi = noClasses()
            .that().resideInAnyPackage("..catalog..", "..trace..", "..tracer..", "..platform..", "..text..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.wpuscope.ui..", "dev.wpuscope.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule windowsCodeIsReachedOnlyThroughInterfaces = noClasses()
            .that().resideInAnyPackage("..catalog..", "..trace..", "..tracer..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.wpuscope.platform.windows..")
            .allowEmptyShould(true);
}
