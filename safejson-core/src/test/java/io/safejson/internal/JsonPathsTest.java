package io.safejson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The JSONPath text of member names, indexes and positions in a stream. */
final class JsonPathsTest {

  @Test
  void identifiersAreDottedAndEverythingElseIsBracketQuoted() {
    assertEquals("$.azAZ_09", JsonPaths.child("$", "azAZ_09"));
    assertEquals("$._", JsonPaths.child("$", "_"));
    // The neighbours of each ASCII range, and a digit first.
    for (String name : new String[] {"a`", "a{", "a@", "a[", "a/", "a:", "1a", "a b", "é"}) {
      assertEquals("$['" + name + "']", JsonPaths.child("$", name), name);
    }
    assertEquals("$['']", JsonPaths.child("$", ""));
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscapedInBrackets() {
    assertEquals("$['it\\'s']", JsonPaths.child("$", "it's"));
    assertEquals("$['a\\\\b']", JsonPaths.child("$", "a\\b"));
    assertEquals("$['a\\u001f ']", JsonPaths.child("$", "a\u001f "));
    assertEquals("$.x['\\u0000']", JsonPaths.child("$.x", "\u0000"));
  }

  @Test
  void indexesAreBracketed() {
    assertEquals("$.a[3]", JsonPaths.child("$.a", 3));
    assertEquals("$[0][12]", JsonPaths.child("$[0]", 12));
  }

  @Test
  void aStreamPositionNamesTheContainerOrTheValueAboutToBeWritten() throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(new StringWriter())) {
      assertEquals("$", JsonPaths.of(g.getOutputContext(), true));
      assertEquals("$", JsonPaths.of(null, true));
      g.writeStartObject();
      assertEquals("$", JsonPaths.of(g.getOutputContext(), true), "no name written yet");
      g.writeFieldName("a b");
      assertEquals("$['a b']", JsonPaths.of(g.getOutputContext(), true));
      assertEquals("$", JsonPaths.of(g.getOutputContext(), false));
      g.writeStartArray();
      assertEquals("$['a b'][0]", JsonPaths.of(g.getOutputContext(), true));
      g.writeNumber(1);
      assertEquals("$['a b'][1]", JsonPaths.of(g.getOutputContext(), true));
      assertEquals("$['a b']", JsonPaths.of(g.getOutputContext(), false));
      g.writeStartObject();
      assertEquals("$['a b'][1]", JsonPaths.of(g.getOutputContext(), false));
      g.writeFieldName("c");
      assertEquals("$['a b'][1].c", JsonPaths.of(g.getOutputContext(), true));
      g.writeStartArray();
      g.writeStartArray();
      assertEquals("$['a b'][1].c[0][0]", JsonPaths.of(g.getOutputContext(), true));
      assertEquals("$['a b'][1].c[0]", JsonPaths.of(g.getOutputContext(), false));
    }
  }
}
