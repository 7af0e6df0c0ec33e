package dev.hermitcloud.resource;

/** A resource named by kind and name, as one spec refers to another it depends on. */
public record ResourceRef(ResourceKind kind, String name) {
  @Override
  public String toString() {
    return kind.label() + " " + name;
  }
}
