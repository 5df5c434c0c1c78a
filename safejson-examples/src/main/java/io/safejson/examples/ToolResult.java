package io.safejson.examples;

/** A tool's result whose {@link #getPreview()} throws, like a lazily loaded value read after its stream closed. */
public final class ToolResult {
  private final String tool;

  /** Creates the result of {@code tool}. */
  public ToolResult(String tool) {
    this.tool = tool;
  }

  /** Returns the tool's name. */
  public String getTool() {
    return tool;
  }

  /** Always throws: the deliberately hostile value. */
  public String getPreview() {
    throw new IllegalStateException("result stream already closed");
  }
}
