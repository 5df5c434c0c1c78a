package io.safejson.jackson3;

import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * A Jackson 2 output context that mirrors a Jackson 3 generator's (type, entry index, name, current value), so the
 * core's depth, cycle and path tracking sees the Jackson 3 document. Children are kept and reused, so following
 * the document allocates nothing once its depth was reached. Not thread-safe.
 */
final class MirrorContext extends JsonStreamContext {
  private final MirrorContext parent;
  private MirrorContext child;
  private String name;
  private Object value;

  private MirrorContext(MirrorContext parent, int type, int depth) {
    super(type, -1);
    this.parent = parent;
    this._nestingDepth = depth;
  }

  static MirrorContext root() {
    return new MirrorContext(null, TYPE_ROOT, 0);
  }

  /** Sets this context's state to {@code type}, {@code entries} values written, {@code name} and {@code value}. */
  MirrorContext reset(int type, int entries, String name, Object value) {
    this._type = type;
    this._index = entries - 1;
    this.name = name;
    this.value = value;
    return this;
  }

  /** Returns the (reused) child context, emptied, of {@code type} for {@code value}. */
  MirrorContext enter(int type, Object value) {
    return descend().reset(type, 0, null, value);
  }

  /** Returns the one child context, made on first use and reused after, as it was left. */
  MirrorContext descend() {
    if (child == null) {
      child = new MirrorContext(this, TYPE_OBJECT, _nestingDepth + 1);
    }
    return child;
  }

  /** Counts a value written here, as Jackson's write context does. */
  void valueWritten() {
    _index++;
  }

  void nameWritten(String name) {
    this.name = name;
  }

  @Override
  public MirrorContext getParent() {
    return parent;
  }

  @Override
  public String getCurrentName() {
    return name;
  }

  @Override
  public Object getCurrentValue() {
    return value;
  }

  @Override
  public void setCurrentValue(Object value) {
    this.value = value;
  }
}
