package io.safejson.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.safejson.Incident;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes JSON objects (maps, beans, object nodes) so that every key is a well-formed, unique string.
 *
 * <p>The common case (string keys, no sorting, within limits) is written straight through; anything else
 * goes through a slower path that normalizes, sorts, truncates and de-duplicates keys first.
 */
final class ObjectEntries {
  private static final Comparator<ObjectEntry> BY_NAME = Comparator.comparing(e -> e.name);

  private final ValueWriter writer;
  private final SafeConfig config;
  /** Longer keys are cut: {@code maxStringLength}, or the readers' name limit when that is lower. */
  private final int keyLimit;

  ObjectEntries(ValueWriter writer, SafeConfig config) {
    this.writer = writer;
    this.config = config;
    this.keyLimit = Math.min(config.maxStringLength(), ReaderLimits.MAX_NAME_CHARS);
  }

  void writeMap(WriteSession s, Map<?, ?> map) throws IOException {
    if (!writer.enter(s, map)) {
      return;
    }
    Collection<? extends Map.Entry<?, ?>> entrySet;
    int size;
    try {
      entrySet = map.entrySet();
      size = entrySet.size();
    } catch (Throwable t) {
      writer.failed(s, map, "entrySet() threw", t);
      return;
    }
    writeEntrySet(s, map, entrySet, size, map instanceof IdentityHashMap);
  }

  void writeNodeObject(WriteSession s, JsonNode node) throws IOException {
    if (!writer.enter(s, node)) {
      return;
    }
    Collection<? extends Map.Entry<?, ?>> entrySet;
    int size;
    try {
      entrySet = node.properties();
      size = entrySet.size();
    } catch (Throwable t) {
      writer.failed(s, node, "entrySet() threw", t);
      return;
    }
    writeEntrySet(s, node, entrySet, size, false);
  }

  private void writeEntrySet(
      WriteSession s,
      Object container,
      Collection<? extends Map.Entry<?, ?>> entrySet,
      int size,
      boolean identity)
      throws IOException {
    if (!config.sortKeys() && !identity && size <= config.maxItems() && plainKeys(entrySet)) {
      writePlain(s, container, entrySet);
      return;
    }
    List<ObjectEntry> list = new ArrayList<>(Math.min(size, config.maxItems()) + 1);
    Throwable failure = null;
    int limit = config.sortKeys() ? Integer.MAX_VALUE : config.maxItems();
    int seen = 0;
    try {
      for (Map.Entry<?, ?> entry : entrySet) {
        if (seen++ >= limit) {
          continue;
        }
        Object key = entry.getKey();
        list.add(mapEntry(key, entry.getValue()));
      }
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failure = t;
    }
    writeEntries(s, container, list, Math.max(size, seen), failure);
  }

  private boolean plainKeys(Collection<? extends Map.Entry<?, ?>> entrySet) {
    try {
      for (Map.Entry<?, ?> entry : entrySet) {
        if (!(entry.getKey() instanceof String)) {
          return false;
        }
        String key = (String) entry.getKey();
        if (key.length() > keyLimit || Strings.firstLoneSurrogate(key) >= 0) {
          return false;
        }
      }
      return true;
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      return false; // the slow path reports the failure
    }
  }

  private void writePlain(WriteSession s, Object container, Collection<? extends Map.Entry<?, ?>> entrySet)
      throws IOException {
    JsonGenerator g = s.generator;
    g.writeStartObject(container);
    Iterator<? extends Map.Entry<?, ?>> iterator;
    try {
      iterator = entrySet.iterator();
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      g.writeEndObject();
      return;
    }
    RuleSlot items = s.takeItemSlot();
    Class<?> lastType = null;
    ValueRule lastRule = null;
    while (!s.exhausted()) {
      String key;
      Object value;
      try {
        if (!iterator.hasNext()) {
          break;
        }
        Map.Entry<?, ?> entry = iterator.next();
        key = (String) entry.getKey();
        value = entry.getValue();
      } catch (Throwable t) {
        // No marker key here: only the slow path tracks the names it wrote, so only it can pick a free one.
        Failures.rethrowIfFatal(t);
        writer.report(s, false, Incident.Kind.FAILED, container, "iteration threw: " + Failures.describe(t));
        break;
      }
      g.writeFieldName(key);
      if (config.isRedacted(key)) {
        g.writeString(Markers.REDACTED);
      } else {
        Class<?> type = value == null ? null : value.getClass();
        ValueRule rule = writer.writeItem(s, value, writer.knownRule(type, lastType, lastRule, items));
        if (rule != null) {
          lastType = type;
          lastRule = rule;
        }
      }
    }
    g.writeEndObject();
  }

  void writeBean(WriteSession s, Object bean, BeanRule rule) throws IOException {
    if (!writer.enter(s, bean)) {
      return;
    }
    if (rule.anyGetter() != null) {
      writeBeanWithAnyGetter(s, bean, rule);
      return;
    }
    JsonGenerator g = s.generator;
    g.writeStartObject(bean);
    for (BeanRule.Property property : rule.properties()) {
      if (s.exhausted()) {
        break;
      }
      if (property.jacksonSerializes()) {
        writeJacksonProperty(s, bean, property);
        continue;
      } else if (writer.writePrimitive(s, bean, property)) {
        continue;
      }
      Object value;
      try {
        value = property.get(bean);
      } catch (Throwable t) {
        property.writeName(g);
        writer.failed(s, bean, "getter for '" + property.name() + "' threw", t);
        continue;
      }
      if (suppressed(property.inclusion(), value)) {
        continue;
      }
      property.writeName(g);
      if (property.redacted()) {
        g.writeString(Markers.REDACTED);
      } else {
        writer.writeValue(s, value, property.slot());
      }
    }
    g.writeEndObject();
  }

  private void writeJacksonProperty(WriteSession s, Object bean, BeanRule.Property property)
      throws IOException {
    JsonNode node;
    try {
      node = writer.bridge.jacksonProperty(s, bean, property);
    } catch (Throwable t) {
      property.writeName(s.generator);
      writer.failed(s, bean, "Jackson serializer for '" + property.name() + "' threw", t);
      return;
    }
    if (node == null) {
      return;
    }
    property.writeName(s.generator);
    if (node == JacksonBridge.OVER_BUDGET) {
      writer.writeOverBudget(s, bean);
    } else if (property.redacted()) {
      s.generator.writeString(Markers.REDACTED);
    } else {
      writer.sequences.writeNode(s, node);
    }
  }

  private void writeBeanWithAnyGetter(WriteSession s, Object bean, BeanRule rule)
      throws IOException {
    List<ObjectEntry> list = new ArrayList<>();
    for (BeanRule.Property property : rule.properties()) {
      String name = property.name();
      try {
        if (property.jacksonSerializes()) {
          JsonNode node = writer.bridge.jacksonProperty(s, bean, property);
          if (node != null) {
            list.add(new ObjectEntry(name, name, node, null, property.redacted(), true));
          }
          continue;
        }
        Object value = property.get(bean);
        if (!suppressed(property.inclusion(), value)) {
          list.add(new ObjectEntry(name, name, value, null, property.redacted(), false));
        }
      } catch (Throwable t) {
        Failures.rethrowIfFatal(t);
        list.add(new ObjectEntry(name, name, null, t, false, false));
      }
    }
    Throwable failure = null;
    int total = list.size();
    try {
      Object any = rule.anyGetter().getValue(bean);
      if (any instanceof Map) {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) any).entrySet()) {
          Object key = entry.getKey();
          list.add(mapEntry(key, entry.getValue()));
          total++;
        }
      }
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failure = t;
    }
    writeEntries(s, bean, list, total, failure);
  }

  private void writeEntries(
      WriteSession s, Object container, List<ObjectEntry> list, int total, Throwable failure)
      throws IOException {
    for (ObjectEntry entry : list) {
      normalizeName(entry);
    }
    if (config.sortKeys()) {
      list.sort(BY_NAME);
    }
    int kept = Math.min(list.size(), config.maxItems());
    if (kept < list.size()) {
      list = list.subList(0, kept);
    }
    Set<String> taken = new HashSet<>();
    boolean renamed = false;
    for (ObjectEntry entry : list) {
      String unique = TypeRules.uniqueName(taken, entry.name);
      if (!unique.equals(entry.name)) {
        entry.keyIssue(Incident.Kind.DUPLICATE_KEY, "key '" + entry.name + "' already present; renamed");
        entry.name = unique;
        renamed = true;
      }
    }
    if (renamed && config.sortKeys()) {
      list.sort(BY_NAME);
    }
    JsonGenerator g = s.generator;
    g.writeStartObject(container);
    for (ObjectEntry entry : list) {
      if (s.exhausted()) {
        break;
      }
      g.writeFieldName(entry.name);
      if (entry.keyIssues != null) {
        for (int i = 0; i < entry.keyIssues.size(); i++) {
          writer.report(s, true, entry.keyIssues.get(i), entry.key, entry.keyDetails.get(i));
        }
      }
      if (entry.value == JacksonBridge.OVER_BUDGET) {
        writer.writeOverBudget(s, container);
      } else if (entry.failure != null) {
        writer.failed(s, container, "getter for '" + entry.name + "' threw", entry.failure);
      } else if (entry.redacted || config.isRedacted(entry.name)) {
        g.writeString(Markers.REDACTED);
      } else if (entry.isNode) {
        writer.sequences.writeNode(s, (JsonNode) entry.value);
      } else {
        writer.writeValue(s, entry.value, 0);
      }
    }
    if (failure != null) {
      g.writeFieldName(TypeRules.uniqueName(taken, Markers.FAILED));
      writer.failed(s, container, "iteration threw", failure);
    }
    if (total > kept) {
      writer.report(
          s, false, Incident.Kind.TRUNCATED, container, "kept " + kept + " of " + total + " entries");
      g.writeFieldName(TypeRules.uniqueName(taken, Markers.TRUNCATED));
      g.writeNumber(total - kept);
    }
    g.writeEndObject();
  }

  /** An entry of a map or any-getter; a key whose text throws is {@code "[FAILED]"}, reported as FAILED. */
  private ObjectEntry mapEntry(Object key, Object value) {
    String name;
    Throwable failure = null;
    try {
      name = writer.keyText(key);
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      failure = t;
      name = Markers.FAILED;
    }
    ObjectEntry entry = new ObjectEntry(name, key, value, null, false, false);
    if (failure != null) {
      entry.keyIssue(Incident.Kind.FAILED, "the key's text threw: " + Failures.describe(failure));
    }
    return entry;
  }

  private void normalizeName(ObjectEntry entry) {
    String name = entry.name;
    if (name.length() > keyLimit) {
      int max = config.maxStringLength();
      int kept = ReaderLimits.kept(max, ReaderLimits.MAX_NAME_CHARS);
      if (kept < max) {
        entry.keyIssue(
            Incident.Kind.READER_LIMIT,
            "key cut to " + kept + " of " + name.length() + " chars: default JSON readers (Jackson 2.16+, 3) reject"
                + " keys over " + ReaderLimits.MAX_NAME_CHARS);
      } else {
        entry.keyIssue(Incident.Kind.TRUNCATED, "key cut to " + max + " of " + name.length() + " chars");
      }
      name = name.substring(0, Strings.cutPoint(name, kept)) + Markers.TRUNCATED_SUFFIX;
    }
    int lone = Strings.firstLoneSurrogate(name);
    if (lone >= 0) {
      entry.keyIssue(Incident.Kind.INVALID_STRING, "lone surrogate in key at index " + lone);
      name = Strings.replaceLoneSurrogates(name, lone);
    }
    entry.name = name;
  }

  /** Whether the property's {@code @JsonInclude} leaves this value out; its class's rule says what is empty. */
  private boolean suppressed(JsonInclude.Include inclusion, Object value) {
    // USE_DEFAULTS is what a class without @JsonInclude reports: Jackson's default, ALWAYS.
    if (inclusion == null
        || inclusion == JsonInclude.Include.ALWAYS
        || inclusion == JsonInclude.Include.USE_DEFAULTS
        || inclusion == JsonInclude.Include.NON_NULL) {
      return value == null && inclusion == JsonInclude.Include.NON_NULL;
    }
    if (value == null) {
      return true;
    }
    try {
      ValueRule rule = writer.rules.ruleFor(value.getClass());
      switch (inclusion) {
        case NON_ABSENT:
          return rule.isAbsent(value);
        case NON_EMPTY:
        case NON_DEFAULT:
          return rule.isEmpty(value);
        default:
          return false;
      }
    } catch (Throwable t) {
      Failures.rethrowIfFatal(t);
      return false;
    }
  }
}
