/** Time as the engine sees it, so tests can run retries and waits on a virtual clock. Not API. */
package dev.hermitcloud.internal.time;
