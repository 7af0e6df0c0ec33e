package dev.hermitcloud.plan;

/** What happens to one resource. */
public enum Action {
  /** It does not exist yet. */
  CREATE("+"),
  /** It exists as desired; no call is made. */
  KEEP(" "),
  /** It exists and is changed in place. */
  UPDATE("~"),
  /** It exists but cannot be changed in place: delete, then create. */
  REPLACE("-/+"),
  /** The deployment owns it but no longer wants it. */
  DELETE("-");

  private final String symbol;

  Action(String symbol) {
    this.symbol = symbol;
  }

  /** The plan's marker for this action, Terraform style. */
  public String symbol() {
    return symbol;
  }

  /** Whether the action calls the cloud to change something. */
  public boolean mutates() {
    return this != KEEP;
  }
}
