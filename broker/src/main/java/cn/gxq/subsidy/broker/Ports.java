package cn.gxq.subsidy.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: the broker binds to 127.0.0.1 only, so that is the address probed. */
final class Ports {

  static final String LOOPBACK = "127.0.0.1";

  private Ports() {}

  /**
   * A port that was free a moment ago; a tiny race with other processes remains and is accepted.
   */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + LOOPBACK, e);
    }
  }

  /** True when nothing listens on the port, tested by binding it the way Kafka will. */
  static boolean isFree(final int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Kafka sets SO_REUSEADDR too, so a port in TIME_WAIT counts as free for both.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
