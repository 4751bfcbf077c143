#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu). It installs a JDK 17
# (the grader compiles submissions with javac) and bubblewrap (the grader runs the student's code in a
# bubblewrap sandbox: uid 65534, no network, read-only file system, own PID namespace). The grader itself
# (grader.jar and lib/) comes from this zip; nothing is built on the box.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless
apt-get install -y --no-install-recommends bubblewrap \
  || echo "bubblewrap could not be installed: the grader will only limit the test JVM's JDK modules (each report says so)."
chmod +x /autograder/source/run_autograder /autograder/source/backproplab-grade.sh
[ -f /autograder/run_autograder ] && chmod +x /autograder/run_autograder
java -version
# Start ND4J once, so JavaCPP unpacks its native libraries (about 400 MB) into ~/.javacpp/cache inside the
# image, instead of in every grading run (the sandboxed test JVM reads them there and never writes them).
java -cp "/autograder/source/grader.jar:/autograder/source/lib/*" backproplab.runtime.Backend \
  || echo "ND4J warm-up failed: every grading run will unpack ND4J's native libraries itself (slower)."
# The JDK's jmods, from which the test JVM's runtime image is made (Debian has them in openjdk-17-jdk-headless, Ubuntu in
# openjdk-17-jmods). Without them the test JVM runs the JDK with --limit-modules, which turns class-data sharing off.
apt-get install -y --no-install-recommends openjdk-17-jmods >/dev/null 2>&1 \
  || echo "No openjdk-17-jmods package here (fine where the JDK package has its jmods)."
# Build, once, the test JVM's runtime image (jlink: only the modules it may use, with its own CDS archive) and the
# class-data archives of the test JVM, the javac JVM and the grader's own JVM (AppCDS), about 200 MB in
# /autograder/source/cds: every grading run then starts its JVMs from them (several CPU seconds less per submission).
java -cp /autograder/source/grader.jar backproplab.grader.engine.ClassDataSharing \
  || echo "Class-data archives not built: every grading run starts its JVMs without them (slower, same results)."
