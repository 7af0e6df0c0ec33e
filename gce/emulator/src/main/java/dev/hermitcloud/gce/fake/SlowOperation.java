package dev.hermitcloud.gce.fake;

import java.time.Duration;

/** A fault's effect: the operation the request starts takes this long. */
record SlowOperation(Duration duration) {}
