package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * Passes Jackson's own serializers' output through to a buffer while spending the document's
 * {@code maxValues} budget on every array, object and field they open, so a type Jackson serializes itself
 * (a custom serializer, {@code @JsonFormat(shape = ARRAY)}) cannot expand a shared value without bound
 * before the walker sees the result. Not thread-safe: one per buffered value.
 */
final class BudgetedGenerator extends JsonGeneratorDelegate {
  /** Thrown once the budget is spent; Jackson may wrap it, so look for it with {@link #isOverBudget}. */
  static final class OverBudget extends IOException {
    OverBudget() {
      super("maxValues reached inside a Jackson serializer");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // control flow: a stack trace would be pure cost
    }
  }

  private static final OverBudget OVER_BUDGET = new OverBudget();

  private int left;

  BudgetedGenerator(JsonGenerator target, int budget) {
    super(target, false);
    this.left = budget;
  }

  /** Whether {@code failure}, or one of its first causes, is the budget running out. */
  static boolean isOverBudget(Throwable failure) {
    Throwable t = failure;
    for (int i = 0; i < 8 && t != null; i++, t = t.getCause()) {
      if (t instanceof OverBudget) {
        return true;
      }
    }
    return false;
  }

  private void spend() throws OverBudget {
    if (--left < 0) {
      throw OVER_BUDGET;
    }
  }

  @Override
  public void writeStartArray() throws IOException {
    spend();
    super.writeStartArray();
  }

  @Override
  @SuppressWarnings("deprecation")
  public void writeStartArray(int size) throws IOException {
    spend();
    super.writeStartArray(size);
  }

  @Override
  public void writeStartArray(Object forValue) throws IOException {
    spend();
    super.writeStartArray(forValue);
  }

  @Override
  public void writeStartArray(Object forValue, int size) throws IOException {
    spend();
    super.writeStartArray(forValue, size);
  }

  @Override
  public void writeStartObject() throws IOException {
    spend();
    super.writeStartObject();
  }

  @Override
  public void writeStartObject(Object forValue) throws IOException {
    spend();
    super.writeStartObject(forValue);
  }

  @Override
  public void writeStartObject(Object forValue, int size) throws IOException {
    spend();
    super.writeStartObject(forValue, size);
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    spend();
    super.writeFieldName(name);
  }

  @Override
  public void writeFieldName(SerializableString name) throws IOException {
    spend();
    super.writeFieldName(name);
  }

  @Override
  public void writeFieldId(long id) throws IOException {
    spend();
    super.writeFieldId(id);
  }
}
