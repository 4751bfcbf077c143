package backproplab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The student poms are derived from the course poms")
class StudentPomsTest {

    private static PomXml course(String path) throws IOException {
        return PomXml.parse(Files.readString(CourseRepo.root().resolve(path)));
    }

    @Test
    @DisplayName("the student root pom lists only datasets and exercises, in reactor order")
    void onlyStudentModules() throws IOException {
        PomXml student = PomXml.parse(StudentPoms.rootPom(Files.readString(CourseRepo.root().resolve("pom.xml"))));

        assertThat(student.modules())
                .as("modules of the student root pom (StudentPoms.rootPom): grader and solutions must be gone")
                .containsExactly("datasets", "exercises");
    }

    @Test
    @DisplayName("every version property, managed dependency, managed plugin and profile of the course pom is kept unchanged")
    void sameManagedVersions() throws IOException {
        PomXml course = course("pom.xml");
        PomXml student = PomXml.parse(StudentPoms.rootPom(Files.readString(CourseRepo.root().resolve("pom.xml"))));

        Map<String, String> expectedManaged = new LinkedHashMap<>(course.managedDependencies());
        expectedManaged.keySet().removeIf(key -> key.equals("dev.backproplab:grader") || key.equals("dev.backproplab:solutions"));
        assertThat(student.properties())
                .as("properties of the student root pom: the course pom's (versions included) plus the -Dtest switch")
                .containsAllEntriesOf(course.properties())
                .containsEntry("surefire.failIfNoSpecifiedTests", "false");
        assertThat(student.managedDependencies())
                .as("dependencyManagement of the student root pom: the course pom's without grader and solutions")
                .isEqualTo(expectedManaged);
        assertThat(student.managedPlugins()).as("pluginManagement of the student root pom").isEqualTo(course.managedPlugins());
        assertThat(student.profileIds()).as("profiles (platforms, gpu) of the student root pom").isEqualTo(course.profileIds());
        assertThat(student.text("groupId") + ":" + student.text("artifactId") + ":" + student.text("version"))
                .as("coordinates of the student root pom: the modules' parent reference must still resolve")
                .isEqualTo(course.text("groupId") + ":" + course.text("artifactId") + ":" + course.text("version"));
    }

    @Test
    @DisplayName("the student exercises pom runs its tests, which the course repository skips")
    void exercisesRunTheirTests() throws IOException {
        assertThat(course("exercises/pom.xml").properties())
                .as("precondition: the course exercises pom skips the skeleton's tests")
                .containsEntry("skipTests", "true");

        PomXml student = PomXml.parse(StudentPoms.exercisesPom(
                Files.readString(CourseRepo.root().resolve("exercises/pom.xml"))));

        assertThat(student.properties()).as("properties of the student exercises pom (StudentPoms.exercisesPom)")
                .doesNotContainKey("skipTests");
        assertThat(student.text("artifactId")).as("artifactId of the student exercises pom").isEqualTo("exercises");
    }

    @Test
    @DisplayName("a course pom without the exercises module is refused with the modules it lists")
    void refusesAPomWithoutStudentModules() {
        String pom = "<project><modules><module>datasets</module><module>grader</module></modules></project>";

        assertThatThrownBy(() -> StudentPoms.rootPom(pom))
                .as("StudentPoms.rootPom on a pom without exercises")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[datasets, exercises]")
                .hasMessageContaining("[datasets]");
    }
}
