package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM a user imports lists every artifact the build publishes, at the build's version: a module added
 * without its BOM line would make users pin it by hand.
 */
class ReleaseLayoutTest {
  /** Built and shipped by the reactor but not a library anyone depends on. */
  static final Set<String> NOT_IN_BOM = Set.of("hermit-cloud-bench");

  static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();

  @Test
  void theBomManagesEveryPublishedArtifactAtTheReactorsVersion() throws Exception {
    Set<String> published = new TreeSet<>();
    String version = text(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
    try (Stream<Path> poms = Files.walk(ROOT, 4)) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
          .filter(p -> !ROOT.relativize(p).toString().contains("target")).toList()) {
        Element project = pom(pom).getDocumentElement();
        String packaging = text(project, "packaging");
        String artifact = text(project, "artifactId");
        if (!"pom".equals(packaging) && !NOT_IN_BOM.contains(artifact)) {
          published.add(artifact);
        }
      }
    }
    Element bom = pom(ROOT.resolve("core/bom/pom.xml")).getDocumentElement();
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
      managed.add(text(dependency, "artifactId"));
    }

    assertThat(published).hasSizeGreaterThanOrEqualTo(10);
    assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
    assertThat(text(bom, "version")).isEqualTo(version);
    assertThat(bom.getElementsByTagName("parent").getLength()).as("the BOM imports nothing of the build's own").isZero();
  }

  static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  /** The text of {@code element}'s direct child {@code name}, or null. */
  static String text(Element element, String name) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
