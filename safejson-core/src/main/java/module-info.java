/**
 * safejson-core: {@link io.safejson.SafeSerializer} turns any Java value into valid JSON, never throws, and
 * reports what it fixed.
 *
 * <p>Exports the API package only. The implementation package is exported to safejson-testing, nowhere else.
 * Jackson reads the classes of the values it writes: their packages must be exported or opened to
 * {@code com.fasterxml.jackson.databind}.
 */
@SuppressWarnings("module") // the modules named in the qualified export are built after this one
module io.safejson {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  // java.sql.Date, Time and Timestamp are in the normalization table, written and read back.
  requires java.sql;

  exports io.safejson;
  // The adapters use the API package only (ARCHITECTURE.md); the test helpers share the JSON path syntax.
  exports io.safejson.internal to
      io.safejson.testing;
}
