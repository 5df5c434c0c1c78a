package io.safejson.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** The rules that need no per-class state: one constant per shape of value. */
enum BuiltinRule implements ValueRule {
  CHAR_SEQUENCE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      String text = w.scalars.textOf(s, value);
      if (text != null) {
        w.scalars.writeString(s, text);
      }
    }

    @Override
    public boolean isEmpty(Object value) {
      return ((CharSequence) value).length() == 0;
    }
  },
  BOOLEAN {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      s.generator.writeBoolean((Boolean) value);
    }
  },
  INT {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      s.generator.writeNumber(((Number) value).intValue());
    }
  },
  LONG {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeLong(s, ((Number) value).longValue());
    }
  },
  BIG_INTEGER {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeBigInteger(s, (BigInteger) value);
    }
  },
  FLOAT {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeFloat(s, (Float) value);
    }
  },
  /** Double, DoubleAdder and any other Number: Jackson would write an unknown Number's toString() raw. */
  DOUBLE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeDouble(s, value);
    }
  },
  BIG_DECIMAL {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeBigDecimal(s, (BigDecimal) value);
    }

    @Override
    public String keyText(Object key) {
      return ScalarWriter.plain((BigDecimal) key);
    }
  },
  CHARACTER {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeString(s, String.valueOf(((Character) value).charValue()));
    }
  },
  OPTIONAL {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.writeInner(s, ((Optional<?>) value).orElse(null), value, hops);
    }

    @Override
    public boolean isAbsent(Object value) {
      return ((Optional<?>) value).isEmpty();
    }
  },
  OPTIONAL_INT {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      OptionalInt optional = (OptionalInt) value;
      if (optional.isPresent()) {
        s.generator.writeNumber(optional.getAsInt());
      } else {
        s.generator.writeNull();
      }
    }
  },
  OPTIONAL_LONG {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      OptionalLong optional = (OptionalLong) value;
      if (optional.isPresent()) {
        w.scalars.writeLong(s, optional.getAsLong());
      } else {
        s.generator.writeNull();
      }
    }
  },
  OPTIONAL_DOUBLE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      OptionalDouble optional = (OptionalDouble) value;
      w.writeInner(s, optional.isPresent() ? optional.getAsDouble() : null, value, hops);
    }
  },
  ATOMIC_REFERENCE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.writeInner(s, ((AtomicReference<?>) value).get(), value, hops);
    }

    @Override
    public boolean isAbsent(Object value) {
      return ((AtomicReference<?>) value).get() == null;
    }
  },
  ATOMIC_BOOLEAN {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      s.generator.writeBoolean(((AtomicBoolean) value).get());
    }
  },
  BYTES {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeBytes(s, (byte[]) value);
    }

    @Override
    public boolean isEmpty(Object value) {
      return ((byte[]) value).length == 0;
    }
  },
  CHARS {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.scalars.writeString(s, new String((char[]) value));
    }

    @Override
    public boolean isEmpty(Object value) {
      return ((char[]) value).length == 0;
    }
  },
  ARRAY {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.sequences.writeArray(s, value);
    }

    @Override
    public boolean isEmpty(Object value) {
      return Array.getLength(value) == 0;
    }
  },
  COLLECTION {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      int size;
      try {
        size = ((Collection<?>) value).size();
      } catch (Throwable t) {
        size = -1;
      }
      w.sequences.writeIterable(s, value, size);
    }

    @Override
    public boolean isEmpty(Object value) {
      return ((Collection<?>) value).isEmpty();
    }
  },
  ITERABLE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.sequences.writeIterable(s, value, -1);
    }
  },
  ITERATOR {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.sequences.writeElements(s, value, (Iterator<?>) value, -1);
    }
  },
  ENUMERATION {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.sequences.writeElements(s, value, ((Enumeration<?>) value).asIterator(), -1);
    }
  },
  STREAM {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.sequences.writeIterable(s, value, -1);
    }
  },
  MAP {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.entries.writeMap(s, (Map<?, ?>) value);
    }

    @Override
    public boolean isEmpty(Object value) {
      return ((Map<?, ?>) value).isEmpty();
    }
  },
  THROWABLE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.sequences.writeThrowable(s, (Throwable) value);
    }
  },
  JSON_NODE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.sequences.writeNode(s, (JsonNode) value);
    }
  },
  /** A class annotated {@code @Sensitive}: never written, not even its key text. */
  SENSITIVE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      s.generator.writeString(Markers.REDACTED);
    }

    @Override
    public String keyText(Object key) {
      return Markers.REDACTED;
    }
  },
  /** A class Jackson writes with its own serializer; the result is replayed through the checks. */
  DELEGATE {
    @Override
    public void write(ValueWriter w, WriteSession s, Object value, int hops) throws IOException {
      w.bridge.delegate(s, value);
    }

    @Override
    public boolean isNormalizationTableType() {
      return false;
    }
  }
}
