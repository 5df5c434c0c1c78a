package io.safejson.internal;

import io.safejson.Incident;
import java.util.ArrayList;
import java.util.List;

/** One member of an object on {@link ObjectEntries}' slow path, with every fix of its key. Not thread-safe. */
final class ObjectEntry {
  String name;
  final Object key;
  final Object value;
  final Throwable failure;
  final boolean redacted;
  final boolean isNode;
  /** Every fix of the key, in order: a repaired key may also be cut, and then collide. */
  List<Incident.Kind> keyIssues;
  List<String> keyDetails;

  ObjectEntry(String name, Object key, Object value, Throwable failure, boolean redacted, boolean isNode) {
    this.name = name;
    this.key = key;
    this.value = value;
    this.failure = failure;
    this.redacted = redacted;
    this.isNode = isNode;
  }

  void keyIssue(Incident.Kind kind, String detail) {
    if (keyIssues == null) {
      keyIssues = new ArrayList<>(2);
      keyDetails = new ArrayList<>(2);
    }
    keyIssues.add(kind);
    keyDetails.add(detail);
  }
}
