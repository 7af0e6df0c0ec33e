package dev.hermitcloud.demo;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of an i386 assembler to keep a hand-written program readable: each instruction is given as
 * its mnemonic next to its encoding, and labels are resolved when the program is assembled. It does not
 * encode instructions itself; the listing is the source of truth and {@link #listing()} shows it back.
 *
 * <p>An encoding part is an {@link Integer} (one literal byte) or one of the operand helpers: {@link
 * #imm16}, {@link #imm32}, {@link #abs32} (absolute address of a label), {@link #rel8} and {@link #rel32}
 * (branch displacement to a label).
 */
final class Assembler {
  private final int origin;
  private final List<Line> lines = new ArrayList<>();
  private final Map<String, Integer> labels = new HashMap<>();
  private final Map<String, Integer> bssLabels = new LinkedHashMap<>();
  private int size;
  private int bssSize;

  /** A program that is loaded at {@code origin}. */
  Assembler(int origin) {
    this.origin = origin;
  }

  /** Marks the current address. */
  void label(String name) {
    if (labels.put(name, origin + size) != null || bssLabels.containsKey(name)) {
      throw new IllegalArgumentException("label defined twice: " + name);
    }
    lines.add(new Line(origin + size, name + ":", List.of()));
  }

  /** One instruction: its mnemonic and its encoding. */
  void insn(String mnemonic, Object... encoding) {
    List<Object> parts = List.of(encoding);
    int length = 0;
    for (Object part : parts) {
      length += width(part);
    }
    lines.add(new Line(origin + size, "    " + mnemonic, parts));
    size += length;
  }

  /** Initialised data, shown as {@code comment} in the listing. */
  void data(String comment, byte[] bytes) {
    List<Object> parts = new ArrayList<>(bytes.length);
    for (byte b : bytes) {
      parts.add(b & 0xff);
    }
    lines.add(new Line(origin + size, "    " + comment, parts));
    size += bytes.length;
  }

  /** A zero-terminated ASCII string. */
  void asciz(String label, String text) {
    label(label);
    byte[] bytes = new byte[text.length() + 1];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7e) {
        throw new IllegalArgumentException("not ASCII: " + text);
      }
      bytes[i] = (byte) c;
    }
    data("db " + printable(text) + ", 0", bytes);
  }

  /** Pads with zero bytes up to a multiple of {@code alignment}. */
  void align(int alignment) {
    int pad = (alignment - (origin + size) % alignment) % alignment;
    if (pad > 0) {
      data("align " + alignment, new byte[pad]);
    }
  }

  /** Reserves zeroed memory after the loaded bytes (the ELF's bss); the label marks its start. */
  void bss(String label, int bytes) {
    if (labels.containsKey(label) || bssLabels.containsKey(label)) {
      throw new IllegalArgumentException("label defined twice: " + label);
    }
    bssLabels.put(label, bssSize);
    bssSize += (bytes + 15) & ~15;
  }

  /** Bytes of initialised program. */
  int size() {
    return size;
  }

  /** Bytes of bss, a multiple of 16. */
  int bssSize() {
    return bssSize;
  }

  /** The address of a label, in the program or in the bss. */
  int address(String label) {
    Integer at = labels.get(label);
    if (at != null) {
      return at;
    }
    Integer bssOffset = bssLabels.get(label);
    if (bssOffset == null) {
      throw new IllegalArgumentException("undefined label: " + label);
    }
    return bssStart() + bssOffset;
  }

  private int bssStart() {
    return (origin + size + 15) & ~15;
  }

  /** The machine code, every label resolved. */
  byte[] assemble() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    for (Line line : lines) {
      for (Object part : line.encoding) {
        writePart(out, part, line.address + line.length(), line.text);
      }
    }
    if (out.size() != size) {
      throw new IllegalStateException("assembled " + out.size() + " bytes, expected " + size);
    }
    return out.toByteArray();
  }

  /** Address, bytes and mnemonic of every line: the program as a reader wants to see it. */
  String listing() {
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      StringBuilder hex = new StringBuilder();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (Object part : line.encoding) {
        writePart(bytes, part, line.address + line.length(), line.text);
      }
      byte[] encoded = bytes.toByteArray();
      for (int i = 0; i < encoded.length; i++) {
        if (i == 8) {
          hex.append("..");
          break;
        }
        hex.append(String.format("%02x ", encoded[i] & 0xff));
      }
      text.append(String.format("%08x  %-26s%s%n", line.address, hex, line.text));
    }
    for (String label : bssLabels.keySet()) {
      text.append(String.format("%08x  %-26s%s: (bss)%n", address(label), "", label));
    }
    return text.toString();
  }

  private void writePart(ByteArrayOutputStream out, Object part, int nextAddress, String where) {
    if (part instanceof Integer b) {
      if (b < 0 || b > 0xff) {
        throw new IllegalArgumentException("not a byte in '" + where + "': " + b);
      }
      out.write(b);
    } else if (part instanceof Imm imm) {
      for (int i = 0; i < imm.width; i++) {
        out.write(imm.value >>> (8 * i));
      }
    } else if (part instanceof Abs abs) {
      writeLe32(out, address(abs.label));
    } else if (part instanceof Rel rel) {
      int displacement = address(rel.label) - nextAddress;
      if (rel.width == 1) {
        if (displacement < -128 || displacement > 127) {
          throw new IllegalStateException("short branch out of range in '" + where + "': " + displacement);
        }
        out.write(displacement);
      } else {
        writeLe32(out, displacement);
      }
    } else {
      throw new IllegalArgumentException("unknown encoding part: " + part);
    }
  }

  private static void writeLe32(ByteArrayOutputStream out, int value) {
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
  }

  private static int width(Object part) {
    if (part instanceof Integer) {
      return 1;
    } else if (part instanceof Imm imm) {
      return imm.width;
    } else if (part instanceof Abs) {
      return 4;
    } else if (part instanceof Rel rel) {
      return rel.width;
    }
    throw new IllegalArgumentException("unknown encoding part: " + part);
  }

  private static String printable(String text) {
    return "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }

  /** A 16-bit little-endian immediate. */
  static Object imm16(int value) {
    return new Imm(value, 2);
  }

  /** A 32-bit little-endian immediate. */
  static Object imm32(int value) {
    return new Imm(value, 4);
  }

  /** The 32-bit absolute address of a label. */
  static Object abs32(String label) {
    return new Abs(label);
  }

  /** An 8-bit displacement from the end of this instruction to a label. */
  static Object rel8(String label) {
    return new Rel(label, 1);
  }

  /** A 32-bit displacement from the end of this instruction to a label. */
  static Object rel32(String label) {
    return new Rel(label, 4);
  }

  private record Imm(int value, int width) {}

  private record Abs(String label) {}

  private record Rel(String label, int width) {}

  private record Line(int address, String text, List<Object> encoding) {
    int length() {
      int length = 0;
      for (Object part : encoding) {
        length += width(part);
      }
      return length;
    }
  }
}
