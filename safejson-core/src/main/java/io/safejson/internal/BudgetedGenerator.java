package io.safejson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * Passes Jackson's own serializers' output through to a buffer while spending the document's
 * {@code maxValues} budget (the session's, through {@link WriteSession#spend()}) on every array, object and
 * field they open, so a type Jackson serializes itself (a custom serializer, {@code @JsonFormat(shape =
 * ARRAY)}) cannot expand a shared value without bound before the walker sees the result. The budget is lent:
 * {@link #refund()} gives back what was spent, since the walker counts the buffered values again when it
 * replays them. Not thread-safe: one per buffered value.
 */
final class BudgetedGenerator extends JsonGeneratorDelegate {
  /**
   * Stops the Jackson serializer that ran out of budget; whatever it is wrapped in, {@link #spent()} says so,
   * so nobody needs to look for this exception.
   */
  private static final class OverBudget extends IOException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super("maxValues reached inside a Jackson serializer");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // it only stops the serializer: a stack trace would be pure cost
    }
  }

  private final WriteSession session;
  private final int lent;
  private boolean spent;

  BudgetedGenerator(JsonGenerator target, WriteSession session) {
    super(target, false);
    this.session = session;
    this.lent = session.valuesLeft;
  }

  /** Whether the serializer ran out of budget (and was stopped by an exception). */
  boolean spent() {
    return spent;
  }

  /** Gives the session back the budget the serializer spent. */
  void refund() {
    session.valuesLeft = lent;
  }

  private void spend() throws OverBudget {
    if (!session.spend()) {
      spent = true;
      throw new OverBudget();
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
