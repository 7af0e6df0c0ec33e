/** Time as the engine sees it, so tests can run retries and waits on a virtual clock. */
package dev.hermitcloud.time;
