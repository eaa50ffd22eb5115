package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.app.people.AccessGate;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.topology.PipelineObserver;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: pushes what this instance's pipeline emits to dashboards as server-sent
 * events, {@code decision} (a Decision) and {@code totals} (a Totals), JSON as RecordJson writes
 * them. The stream thread only queues; a separate thread writes to the sockets, so a slow browser
 * can never hold up the pipeline. Totals are coalesced per bucket, decisions capped per flush.
 * Every event carries an {@code id:}; the last {@value #REPLAYABLE} are kept, so a browser that
 * reconnects with {@code Last-Event-ID} gets what it missed (if it was away briefly) and then the
 * live events, without gap or repeat.
 */
public final class LiveEvents implements PipelineObserver, AutoCloseable {

  private static final int MAX_DECISIONS_PER_FLUSH = 50;
  private static final long FLUSH_MS = 500;
  private static final long HEARTBEAT_MS = 15_000;
  static final int REPLAYABLE = 1000;

  /**
   * One sent event, kept for replay.
   *
   * @param everyone whether every watcher may see it (totals); else only those who see {@code zone}
   */
  private record Sent(long id, String event, String data, boolean everyone, String zone) {

    /** Whether the person watching through {@code client} may see it (an officer: their zones). */
    boolean shownTo(SseClient client) {
      return everyone || AccessGate.person(client.ctx()).seesZone(zone);
    }
  }

  // Guarded by itself: appending and sending happen together, as do replaying and joining, so a
  // reconnecting client sees each event exactly once.
  private final Deque<Sent> recent = new ArrayDeque<>();
  private long lastId;

  private final RecordJson json = new RecordJson();
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final Deque<Decision> decisions = new ArrayDeque<>();
  private final Map<String, Totals> totals = new LinkedHashMap<>();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            final Thread t = new Thread(r, "subsidy-live-events");
            t.setDaemon(true);
            return t;
          });

  public LiveEvents() {
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    flusher.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
  }

  /** Registers a browser; the connection stays open until it goes away or the server stops. */
  void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    client.sendComment("connected");
    final long resumeAfter = lastEventId(client.ctx().header("Last-Event-ID"));
    synchronized (recent) {
      for (Sent sent : recent) {
        if (sent.id() > resumeAfter && sent.shownTo(client)) {
          client.sendEvent(sent.event(), sent.data(), Long.toString(sent.id()));
        }
      }
      clients.add(client);
    }
  }

  /** The id a reconnecting browser saw last; none (or garbage) means only live events. */
  private long lastEventId(String header) {
    if (header == null) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  int clients() {
    return clients.size();
  }

  @Override
  public void decided(Decision decision) {
    synchronized (this) {
      decisions.addLast(decision);
      while (decisions.size() > MAX_DECISIONS_PER_FLUSH) {
        decisions.removeFirst(); // the page shows only the newest few anyway
      }
    }
  }

  @Override
  public void totalsPublished(Totals t) {
    synchronized (this) {
      totals.put(new BucketKey(t.getZone(), t.getProgramme(), t.getYear()).toString(), t);
    }
  }

  private void flush() {
    try {
      flushOnce();
    } catch (RuntimeException e) {
      // keep the schedule alive: a failed flush must not end live updates
    }
  }

  private void flushOnce() {
    final List<Decision> d;
    final List<Totals> t;
    synchronized (this) {
      d = new ArrayList<>(decisions);
      t = new ArrayList<>(totals.values());
      decisions.clear();
      totals.clear();
    }
    for (Totals one : t) {
      send("totals", json.write(one), true, null);
    }
    for (Decision one : d) {
      send("decision", json.write(one), false, one.getZone());
    }
  }

  private void heartbeat() {
    for (SseClient client : clients) {
      try {
        client.sendComment("keep-alive");
      } catch (RuntimeException e) {
        drop(client);
      }
    }
  }

  private void send(String event, String data, boolean everyone, String zone) {
    synchronized (recent) {
      final Sent sent = new Sent(++lastId, event, data, everyone, zone);
      recent.addLast(sent);
      while (recent.size() > REPLAYABLE) {
        recent.removeFirst();
      }
      sendToAll(sent);
    }
  }

  // The set is concurrent: removing while iterating is safe and intended.
  @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
  private void sendToAll(Sent sent) {
    for (SseClient client : clients) {
      if (client.terminated()) {
        clients.remove(client);
        continue;
      }
      try {
        if (sent.shownTo(client)) {
          client.sendEvent(sent.event(), sent.data(), Long.toString(sent.id()));
        }
      } catch (RuntimeException e) {
        drop(client);
      }
    }
  }

  private void drop(SseClient client) {
    clients.remove(client);
    try {
      client.close();
    } catch (RuntimeException ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    for (SseClient client : clients) {
      drop(client);
    }
  }
}
