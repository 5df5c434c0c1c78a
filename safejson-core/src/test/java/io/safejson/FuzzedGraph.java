package io.safejson;

import io.safejson.Incident.Kind;
import io.safejson.buildtools.FuzzInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * A Java value graph read from a fuzzer's bytes, front to back (so seed files can be written by hand), with
 * the incidents its hostile parts must and may cause under {@code maxDepth(MAX_DEPTH)}.
 *
 * <p>Each value starts with one opcode byte ({@link Op}); missing bytes read as zero, so every input builds a
 * finite graph. Depth bookkeeping follows the README: the root sits at depth 0, a container at depth d opens
 * level d + 1 and is cut with {@code MAX_DEPTH} when that level passes {@code maxDepth}. One level either side
 * of that boundary is left open, so the expectations do not depend on the writer's exact counting.
 */
final class FuzzedGraph {
  static final int MAX_DEPTH = 8;
  private static final int MAX_NODES = 400;
  private static final int MAX_OPTIONAL_RUN = 8;

  enum Mood {
    CALM,
    ANGRY,
    SLEEPY
  }

  /**
   * The opcodes, in byte order: byte {@code b} means {@code values()[b % values().length]}. Payloads follow the
   * opcode, integers big-endian: BOOLEAN 1 byte (odd is true); INT and FLOAT 4; LONG and DOUBLE 8 (raw bits);
   * BIG_INTEGER a length byte and that many two's-complement bytes; BIG_DECIMAL the same, then a 4-byte scale;
   * STRING and CHARS a length byte and that many bytes of {@link FuzzInput#text}; BYTES a length byte and the
   * bytes; ENUM 1; UUID 16; INSTANT 8 (seconds from {@code Instant.MIN}) and 4 (nanos); OPTIONAL 1 (odd is
   * present) and the value; PROBE a STRING payload (label), 1 (odd throws) and, unless it throws, the value;
   * LIST and ARRAY a count byte (mod 16) and the items; MAP a count byte, a {@link KeyKind} byte and
   * key-value pairs, each key as that kind's payload; BEAN a count byte (unused), a label and the child; CYCLE
   * 1 (which enclosing container); DURATION 8 and 4; LOCAL_DATE 8; OFFSET_DATE_TIME an INSTANT payload and 4
   * (offset); OPTIONAL_DOUBLE 8.
   */
  enum Op {
    NULL, BOOLEAN, INT, LONG, DOUBLE, FLOAT, BIG_DECIMAL, BIG_INTEGER, STRING, ENUM, UUID, INSTANT,
    OPTIONAL, CHARS, BYTES, NO_PROPERTIES, PROBE, LIST, MAP, ARRAY, BEAN, CYCLE, DURATION, LOCAL_DATE,
    OFFSET_DATE_TIME, OPTIONAL_DOUBLE
  }

  /** The key types of a map: one per map, so distinct Java keys always have distinct JSON names. */
  enum KeyKind {
    STRING, ENUM, UUID, INT, INSTANT
  }

  /** A record whose {@code value()} accessor throws when {@code fails} is set. */
  record Probe(String label, boolean fails, Object value) {
    @Override
    public Object value() {
      if (fails) {
        throw new IllegalStateException("probe " + label + " failed");
      }
      return value;
    }
  }

  /** A mutable bean, so that a cycle can run through bean properties. */
  public static final class Holder {
    private final String label;
    private Object child;

    Holder(String label) {
      this.label = label;
    }

    public String getLabel() {
      return label;
    }

    public Object getChild() {
      return child;
    }
  }

  private final byte[] data;
  private int position;
  private int nodes;
  private int optionalRun;
  private final List<Object> ancestors = new ArrayList<>();
  private final EnumSet<Kind> expected = EnumSet.noneOf(Kind.class);
  private final EnumSet<Kind> allowed = EnumSet.noneOf(Kind.class);
  private final List<String> plants = new ArrayList<>();
  final Object root;

  FuzzedGraph(byte[] data) {
    this.data = data;
    this.root = value(0);
  }

  /** Incident kinds that must be reported. */
  EnumSet<Kind> expected() {
    return expected;
  }

  /** Incident kinds that may be reported (a superset of {@link #expected()}). */
  EnumSet<Kind> allowed() {
    return allowed;
  }

  /** What was planted where, for failure messages. */
  List<String> plants() {
    return plants;
  }

  private Object value(int depth) {
    if (position >= data.length || nodes++ >= MAX_NODES) {
      return null;
    }
    Op op = Op.values()[u8() % Op.values().length];
    if (op != Op.OPTIONAL) {
      optionalRun = 0;
    }
    switch (op) {
      case NULL:
        return null;
      case BOOLEAN:
        return (u8() & 1) == 1;
      case INT:
        return i32();
      case LONG:
        return i64();
      case DOUBLE:
        return finiteOrPlanted(Double.longBitsToDouble(i64()), depth);
      case FLOAT:
        float f = Float.intBitsToFloat(i32());
        plantIf(!Float.isFinite(f), Kind.NON_FINITE, depth, "float " + f);
        return f;
      case BIG_DECIMAL:
        BigDecimal decimal = new BigDecimal(bigInteger(), i32());
        allowIfUnreadable(decimal.signum() != 0 && !isNormalDouble(decimal.doubleValue()));
        return decimal;
      case BIG_INTEGER:
        BigInteger integer = bigInteger();
        allowIfUnreadable(Double.isInfinite(integer.doubleValue()));
        return integer;
      case STRING:
        return string(depth);
      case ENUM:
        return Mood.values()[u8() % Mood.values().length];
      case UUID:
        return new UUID(i64(), i64());
      case INSTANT:
        return instant();
      case OPTIONAL:
        if ((u8() & 1) == 0 || ++optionalRun > MAX_OPTIONAL_RUN) {
          return Optional.empty();
        }
        return Optional.ofNullable(value(depth));
      case CHARS:
        return string(depth).toCharArray();
      case BYTES:
        return bytes(u8());
      case NO_PROPERTIES:
        plant(Kind.UNKNOWN_TYPE, depth, "new Object()");
        return new Object();
      case PROBE:
        return probe(depth);
      case LIST:
      case MAP:
      case ARRAY:
      case BEAN:
        return container(op, depth);
      case CYCLE:
        return cycle(depth);
      case DURATION:
        try {
          return Duration.ofSeconds(i64(), i32());
        } catch (ArithmeticException e) {
          return Duration.ZERO;
        }
      case LOCAL_DATE:
        long days = LocalDate.MAX.toEpochDay() - LocalDate.MIN.toEpochDay() + 1;
        return LocalDate.ofEpochDay(LocalDate.MIN.toEpochDay() + Math.floorMod(i64(), days));
      case OFFSET_DATE_TIME:
        Instant instant = instant();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(Math.floorMod(i32(), 2 * 18 * 3600 + 1) - 18 * 3600);
        try {
          return OffsetDateTime.ofInstant(instant, offset);
        } catch (DateTimeException e) {
          return OffsetDateTime.ofInstant(Instant.EPOCH, offset); // Instant's range is wider than a date-time's
        }
      case OPTIONAL_DOUBLE:
        return OptionalDouble.of(finiteOrPlanted(Double.longBitsToDouble(i64()), depth));
      default:
        throw new AssertionError(op);
    }
  }

  private Object probe(int depth) {
    opens(depth);
    String label = string(depth + 1);
    boolean fails = (u8() & 1) == 1;
    plantIf(fails, Kind.FAILED, depth + 1, "throwing accessor");
    return new Probe(label, fails, fails ? null : value(depth + 1));
  }

  /** A container at depth d opens level d + 1; past maxDepth it is cut. */
  private void opens(int depth) {
    if (depth >= MAX_DEPTH + 1) {
      expected.add(Kind.MAX_DEPTH);
    }
    if (depth >= MAX_DEPTH - 1) {
      allowed.add(Kind.MAX_DEPTH);
    }
  }

  private Object container(Op op, int depth) {
    opens(depth);
    int size = u8() % 16;
    switch (op) {
      case LIST:
        List<Object> list = new ArrayList<>();
        ancestors.add(list);
        for (int i = 0; i < size; i++) {
          list.add(value(depth + 1));
        }
        return popped(list);
      case MAP:
        Map<Object, Object> map = new LinkedHashMap<>();
        ancestors.add(map);
        KeyKind keys = KeyKind.values()[u8() % KeyKind.values().length];
        for (int i = 0; i < size; i++) {
          Object key = key(keys, depth + 1);
          if (!map.containsKey(key)) { // a repeated key would silently drop a planted value
            map.put(key, value(depth + 1));
          }
        }
        return popped(map);
      case ARRAY:
        Object[] array = new Object[size];
        ancestors.add(array);
        for (int i = 0; i < size; i++) {
          array[i] = value(depth + 1);
        }
        return popped(array);
      case BEAN:
        Holder holder = new Holder(string(depth + 1));
        ancestors.add(holder);
        holder.child = value(depth + 1);
        return popped(holder);
      default:
        throw new AssertionError(op);
    }
  }

  private Object popped(Object container) {
    ancestors.remove(ancestors.size() - 1);
    return container;
  }

  private Object cycle(int depth) {
    if (ancestors.isEmpty()) {
      return null;
    }
    Object ancestor = ancestors.get(u8() % ancestors.size());
    // The repeat is a container at this depth: near the limit it may be cut for depth instead.
    allowed.add(Kind.CYCLE);
    if (depth <= MAX_DEPTH - 2) {
      expected.add(Kind.CYCLE);
    } else {
      allowed.add(Kind.MAX_DEPTH);
    }
    plants.add("cycle to a " + ancestor.getClass().getSimpleName() + " at depth " + depth);
    return ancestor;
  }

  private Object key(KeyKind kind, int depth) {
    switch (kind) {
      case STRING:
        String key = string(depth);
        if (FuzzInput.hasLoneSurrogate(key)) {
          // "a\uD800" and "a\uFFFD" are two Java keys but one JSON name once repaired.
          allowed.add(Kind.DUPLICATE_KEY);
        }
        return key;
      case ENUM:
        return Mood.values()[u8() % Mood.values().length];
      case UUID:
        return new UUID(i64(), i64());
      case INT:
        return i32();
      case INSTANT:
        return instant();
      default:
        throw new AssertionError(kind);
    }
  }

  private double finiteOrPlanted(double d, int depth) {
    plantIf(!Double.isFinite(d), Kind.NON_FINITE, depth, "double " + d);
    return d;
  }

  private String string(int depth) {
    String s = FuzzInput.text(bytes(u8()));
    plantIf(FuzzInput.hasLoneSurrogate(s), Kind.INVALID_STRING, depth, "lone surrogate");
    return s;
  }

  private Instant instant() {
    long seconds = Instant.MIN.getEpochSecond()
        + Math.floorMod(i64(), Instant.MAX.getEpochSecond() - Instant.MIN.getEpochSecond() + 1);
    return Instant.ofEpochSecond(seconds, Math.floorMod(i32(), 1_000_000_000));
  }

  private BigInteger bigInteger() {
    byte[] bytes = bytes(u8());
    return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
  }

  private byte[] bytes(int length) {
    int end = Math.min(data.length, position + length);
    byte[] bytes = Arrays.copyOfRange(data, position, end);
    position = end;
    return bytes;
  }

  /**
   * A number no default reader keeps (past the double range, or below it but not zero) is a string with a
   * {@code READER_LIMIT} incident in the NUMBER styles, and an ordinary number or string in the others: allowed,
   * never expected, since the graph does not know the style.
   */
  private void allowIfUnreadable(boolean unreadable) {
    if (unreadable) {
      allowed.add(Kind.READER_LIMIT);
    }
  }

  private static boolean isNormalDouble(double d) {
    return Double.isFinite(d) && d != 0;
  }

  private void plantIf(boolean hostile, Kind kind, int depth, String what) {
    if (hostile) {
      plant(kind, depth, what);
    }
  }

  /** A hostile scalar at {@code depth} is written (and reported) unless an enclosing container was cut. */
  private void plant(Kind kind, int depth, String what) {
    allowed.add(kind);
    if (depth <= MAX_DEPTH - 1) {
      expected.add(kind);
    }
    plants.add(what + " (" + kind + ") at depth " + depth);
  }

  private int u8() {
    return position < data.length ? data[position++] & 0xFF : 0;
  }

  private int i32() {
    return u8() << 24 | u8() << 16 | u8() << 8 | u8();
  }

  private long i64() {
    return (long) i32() << 32 | i32() & 0xFFFFFFFFL;
  }
}
