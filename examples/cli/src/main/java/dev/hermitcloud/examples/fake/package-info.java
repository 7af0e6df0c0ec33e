/** The fake clouds behind the CLI's {@code --fake[=URL]}, from the emulator modules. */
package dev.hermitcloud.examples.fake;
