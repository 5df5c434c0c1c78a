package io.safejson.websocket.internal;

import io.safejson.websocket.OverflowPolicy;
import io.safejson.websocket.SendFailedException;
import io.safejson.websocket.SendFailedException.Reason;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps at most one message in flight on a transport and queues the rest in call order, within limits.
 *
 * <p>Thread-safe. A {@link ReentrantLock} (not {@code synchronized}) guards the queue so virtual threads never
 * pin, and no callback or transport call ever runs while it is held.
 */
public final class SendQueue {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "safejson-websocket-timeouts");
            thread.setDaemon(true);
            return thread;
          });

  private final Transport transport;
  private final int maxMessages;
  private final long maxBytes;
  private final OverflowPolicy policy;
  private final Duration sendTimeout;
  private final int closeCode;

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long queuedBytes;
  private boolean inFlight;
  private boolean closed;

  public SendQueue(
      Transport transport,
      int maxMessages,
      long maxBytes,
      OverflowPolicy policy,
      Duration sendTimeout,
      int closeCode) {
    this.transport = transport;
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
    this.policy = policy;
    this.sendTimeout = sendTimeout;
    this.closeCode = closeCode;
  }

  private record Pending(String text, long bytes, CompletableFuture<Void> future) {}

  /** Queues a serialized message; the future completes when the transport has sent it. */
  public CompletableFuture<Void> submit(String text) {
    Pending pending = new Pending(text, Utf8.length(text), new CompletableFuture<>());
    List<Pending> dropped = null;
    List<Pending> closing = null;
    SendFailedException rejection = null;
    boolean start = false;
    lock.lock();
    try {
      if (closed || !transport.isOpen()) {
        rejection = failure(Reason.CLOSED, "the connection is closed", null);
      } else if (pending.bytes() > maxBytes) {
        rejection =
            failure(Reason.OVERFLOW, "message of " + pending.bytes() + " bytes exceeds maxPendingBytes " + maxBytes, null);
      } else if (queue.size() + 1 > maxMessages || queuedBytes + pending.bytes() > maxBytes) {
        switch (policy) {
          case FAIL_NEW:
            rejection = failure(Reason.OVERFLOW, "send queue full: " + describeLocked(), null);
            break;
          case DROP_OLDEST:
            dropped = dropOldestLocked(pending);
            enqueueLocked(pending);
            break;
          case CLOSE_SESSION:
            closing = drainLocked();
            closing.add(pending);
            closed = true;
            break;
          default:
            throw new AssertionError(policy);
        }
      } else {
        enqueueLocked(pending);
      }
      if (!inFlight && !queue.isEmpty()) {
        inFlight = true;
        start = true;
      }
    } finally {
      lock.unlock();
    }
    if (rejection != null) {
      pending.future().completeExceptionally(rejection);
    }
    if (dropped != null) {
      for (Pending old : dropped) {
        old.future().completeExceptionally(failure(Reason.DROPPED, "dropped for a newer message", null));
      }
    }
    if (closing != null) {
      String reason = "safejson: send queue overflow, " + closing.size() + " messages pending";
      for (Pending p : closing) {
        p.future().completeExceptionally(failure(Reason.OVERFLOW, reason + "; session closed", null));
      }
      transport.close(closeCode, reason);
    }
    if (start) {
      drain();
    }
    return pending.future();
  }

  /** Removes the oldest queued messages until {@code pending} fits the limits; returns them. */
  private List<Pending> dropOldestLocked(Pending pending) {
    List<Pending> dropped = new ArrayList<>();
    while (!queue.isEmpty() && (queue.size() + 1 > maxMessages || queuedBytes + pending.bytes() > maxBytes)) {
      Pending oldest = queue.pollFirst();
      queuedBytes -= oldest.bytes();
      dropped.add(oldest);
    }
    return dropped;
  }

  /** Fails every queued message and refuses new ones; the message in flight finishes on its own. */
  public void close() {
    List<Pending> pending;
    lock.lock();
    try {
      closed = true;
      pending = drainLocked();
    } finally {
      lock.unlock();
    }
    for (Pending p : pending) {
      p.future().completeExceptionally(failure(Reason.CLOSED, "the sender was closed", null));
    }
  }

  public int pendingMessages() {
    lock.lock();
    try {
      return queue.size() + (inFlight ? 1 : 0);
    } finally {
      lock.unlock();
    }
  }

  public long queuedBytes() {
    lock.lock();
    try {
      return queuedBytes;
    } finally {
      lock.unlock();
    }
  }

  private void enqueueLocked(Pending pending) {
    queue.addLast(pending);
    queuedBytes += pending.bytes();
  }

  private List<Pending> drainLocked() {
    List<Pending> all = new ArrayList<>(queue);
    queue.clear();
    queuedBytes = 0;
    return all;
  }

  private String describeLocked() {
    String limits =
        maxMessages == Integer.MAX_VALUE ? maxBytes + " bytes" : maxMessages + " messages, " + maxBytes + " bytes";
    return queue.size() + " messages, " + queuedBytes + " bytes queued (max " + limits + ")";
  }

  /** Sends queued messages one at a time; loops instead of recursing when a send completes inline. */
  private void drain() {
    while (true) {
      Pending next;
      lock.lock();
      try {
        next = queue.pollFirst();
        if (next == null) {
          inFlight = false;
          return;
        }
        queuedBytes -= next.bytes();
      } finally {
        lock.unlock();
      }
      if (next.future().isDone()) {
        continue; // timed out or failed while waiting
      }
      CompletionStage<?> stage;
      try {
        stage = transport.sendText(next.text());
      } catch (Throwable t) {
        stage = CompletableFuture.failedFuture(t);
      }
      ScheduledFuture<?> timeout = scheduleTimeout(next);
      // 0: send call still running, 1: completed inline (this loop continues), 2: async (callback drains).
      AtomicInteger state = new AtomicInteger();
      stage.whenComplete(
          (ignored, error) -> {
            if (timeout != null) {
              timeout.cancel(false);
            }
            finish(next, error);
            if (!state.compareAndSet(0, 1)) {
              drain();
            }
          });
      if (state.compareAndSet(0, 2)) {
        return;
      }
    }
  }

  private ScheduledFuture<?> scheduleTimeout(Pending pending) {
    if (sendTimeout == null) {
      return null;
    }
    return TIMER.schedule(
        () -> {
          boolean expired =
              pending.future().completeExceptionally(
                  failure(Reason.TIMEOUT, "not sent within " + sendTimeout, null));
          if (expired) {
            // A transport that cannot finish one send cannot be trusted with the next: close it.
            close();
            transport.close(closeCode, "safejson: send time limit of " + sendTimeout + " exceeded");
          }
        },
        sendTimeout.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  private void finish(Pending pending, Throwable error) {
    if (error == null) {
      pending.future().complete(null);
      return;
    }
    pending.future().completeExceptionally(failure(Reason.TRANSPORT, "the transport failed to send", error));
    if (!transport.isOpen()) {
      close();
    }
  }

  private static SendFailedException failure(Reason reason, String message, Throwable cause) {
    return new SendFailedException(reason, message, cause);
  }
}
