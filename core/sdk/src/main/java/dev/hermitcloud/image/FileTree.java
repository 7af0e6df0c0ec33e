package dev.hermitcloud.image;

import java.util.List;
import java.util.Objects;

/** The files and directories to put in a file system, in the order they are listed and laid out. */
final class FileTree {
  private FileTree() {}

  /** A directory or a regular file. */
  sealed interface Node {
    String name();
  }

  /** A directory and what it holds. */
  record Directory(String name, List<Node> children) implements Node {
    Directory {
      Objects.requireNonNull(name, "name");
      children = List.copyOf(children);
    }
  }

  /** A regular file. */
  record RegularFile(String name, Content content) implements Node {
    RegularFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(content, "content");
    }
  }
}
