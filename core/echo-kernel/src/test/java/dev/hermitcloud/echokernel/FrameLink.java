package dev.hermitcloud.echokernel;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** The test's end of QEMU's {@code -netdev socket,udp=...}: one UDP datagram per Ethernet frame. */
final class FrameLink implements AutoCloseable {
  private final DatagramSocket socket;
  private final int qemuPort;

  FrameLink() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    qemuPort = QemuGuest.freeUdpPort();
  }

  /** Where QEMU sends the guest's frames. */
  int testPort() {
    return socket.getLocalPort();
  }

  /** Where QEMU listens for frames to give the guest. */
  int qemuPort() {
    return qemuPort;
  }

  void send(byte[] frame) throws IOException {
    socket.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), qemuPort));
  }

  /** The next frame from the guest that matches, skipping others; empty after {@code timeout}. */
  Optional<Frame> receive(Predicate<Frame> wanted, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buffer = new byte[2048];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return Optional.empty();
      }
      socket.setSoTimeout((int) Math.max(1, left));
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      Frame frame = new Frame(Arrays.copyOf(packet.getData(), packet.getLength()));
      if (wanted.test(frame)) {
        return Optional.of(frame);
      }
    }
  }

  Frame expect(String what, Predicate<Frame> wanted, Duration timeout) throws IOException {
    return receive(wanted, timeout).orElseThrow(() -> new AssertionError("no " + what + " from the guest within "
        + timeout));
  }

  @Override
  public void close() {
    socket.close();
  }
}
