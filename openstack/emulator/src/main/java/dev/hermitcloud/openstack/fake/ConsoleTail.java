package dev.hermitcloud.openstack.fake;

/** Nova's console {@code length}: the last N lines; null or -1 for everything. */
final class ConsoleTail {
  private ConsoleTail() {}

  static String lastLines(String text, Integer length) {
    if (length == null || length < 0) {
      return text;
    }
    if (length == 0) {
      return "";
    }
    int end = text.endsWith("\n") ? text.length() - 1 : text.length();
    int start = end;
    for (int lines = 0; lines < length; lines++) {
      int nl = text.lastIndexOf('\n', start - 1);
      if (nl < 0) {
        return text;
      }
      start = nl;
    }
    return text.substring(start + 1);
  }
}
