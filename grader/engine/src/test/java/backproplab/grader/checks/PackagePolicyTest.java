package backproplab.grader.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The package policy keeps submitted classes out of the course's and the libraries' packages")
class PackagePolicyTest {

    private static final PackagePolicy POLICY = new PackagePolicy(Set.of("backproplab.activations", "backproplab.network"));

    @Test
    @DisplayName("classes of the exercise packages and packages of the student's own pass, with their nested classes")
    void exerciseClassesPass() {
        assertThat(POLICY.violations(List.of("backproplab.activations.Activations", "backproplab.network.NeuralNetwork",
                "backproplab.network.NeuralNetwork$Layer", "backproplab.network.NeuralNetwork$1",
                "backproplab.helpers.Matrices"))).as("violations").isEmpty();
    }

    @Test
    @DisplayName("a class in the course's runtime, its rules, the grader or a library's package is refused, once")
    void reservedPackagesAreRefused() {
        List<String> violations = POLICY.violations(List.of("backproplab.scoring.GradeCollector",
                "backproplab.scoring.GradeCollector$Entry", "backproplab.coderules.CourseAllowlist",
                "org.nd4j.linalg.factory.Nd4j", "Unnamed"));

        assertThat(violations).as("violations").hasSize(4)
                .anySatisfy(v -> assertThat(v).startsWith("Class backproplab.scoring.GradeCollector is in package backproplab.scoring"))
                .anySatisfy(v -> assertThat(v).startsWith("Class backproplab.coderules.CourseAllowlist is in package"))
                .anySatisfy(v -> assertThat(v).contains("org.nd4j.linalg.factory"))
                .anySatisfy(v -> assertThat(v).contains("(the unnamed package)"))
                .allSatisfy(v -> assertThat(v).contains("backproplab.activations, backproplab.network"));
    }

    @Test
    @DisplayName("a name with '$' and no outer class in the submission is judged on its own: it could stand in for a nested class")
    void dollarNamesWithoutTheirOuterClassAreJudged() {
        List<String> violations = POLICY.violations(List.of("backproplab.scoring.GradeCollector$Entry",
                "org.nd4j.linalg.factory.Nd4j$PadMode", "backproplab.network.Layer$Cache"));

        assertThat(violations).as("violations").hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("Class backproplab.scoring.GradeCollector$Entry is in package backproplab.scoring"))
                .anySatisfy(v -> assertThat(v).startsWith("Class org.nd4j.linalg.factory.Nd4j$PadMode is in package org.nd4j.linalg.factory"));
    }
}
