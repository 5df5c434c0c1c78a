package io.safejson.buildtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The BOM next to this module: it manages exactly the published jars, at the project's version, and nothing else. */
final class SafejsonBomTest {

  private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();

  @Test
  void bomManagesEveryModuleWithAnApiDumpAndNothingElse() throws Exception {
    Document parent = parse(ROOT.resolve("pom.xml"));
    List<String> published = new ArrayList<>();
    for (String module : texts(child(parent.getDocumentElement(), "modules"), "module")) {
      // A published jar is one whose public API is checked: it commits api/<module>.api.
      if (Files.exists(ROOT.resolve(module).resolve("api").resolve(module + ".api"))) {
        published.add(module);
      }
    }
    Document bom = parse(ROOT.resolve("safejson-bom/pom.xml"));

    List<String> managed = new ArrayList<>();
    Element dependencies = child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies");
    for (Element dependency : children(dependencies, "dependency")) {
      assertEquals("io.safejson", text(dependency, "groupId"));
      assertEquals("${project.version}", text(dependency, "version"));
      managed.add(text(dependency, "artifactId"));
    }

    assertEquals(List.of("safejson-core", "safejson-testing", "safejson-websocket", "safejson-logging",
        "safejson-nats", "safejson-kafka", "safejson-jackson3", "safejson-spring-boot-starter"),
        published, "the published modules (those with an API dump)");
    assertEquals(published, managed, "the BOM manages exactly the published modules, in the parent's order");
  }

  @Test
  void bomHasNoParentSoUsersImportOnlyOurArtifactsAndSharesItsVersion() throws Exception {
    Element bom = parse(ROOT.resolve("safejson-bom/pom.xml")).getDocumentElement();
    Element parent = parse(ROOT.resolve("pom.xml")).getDocumentElement();

    assertTrue(children(bom, "parent").isEmpty(), "a parent would hand its Jackson and JUnit BOMs to users");
    assertEquals(text(parent, "version"), text(bom, "version"));
    assertEquals(text(parent, "groupId"), text(bom, "groupId"));
    assertEquals("pom", text(bom, "packaging"));
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static List<Element> children(Element element, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element && node.getNodeName().equals(name)) {
        found.add((Element) node);
      }
    }
    return found;
  }

  private static Element child(Element element, String name) {
    List<Element> found = children(element, name);
    assertEquals(1, found.size(), "one <" + name + "> in <" + element.getNodeName() + ">");
    return found.get(0);
  }

  private static String text(Element element, String name) {
    return child(element, name).getTextContent().trim();
  }

  private static List<String> texts(Element element, String name) {
    List<String> values = new ArrayList<>();
    for (Element child : children(element, name)) {
      values.add(child.getTextContent().trim());
    }
    return values;
  }
}
